// Logs from setup, its iteration and teardown: none of them runs while paused.
export function setup() {
  console.log("setup ran");
}
export default function () {
  console.log("iteration ran");
}
export function teardown() {
  console.log("teardown ran");
}
