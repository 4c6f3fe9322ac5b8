export function setup() {
  throw new Error("probe setup error");
}
export default function () {}
export function teardown() {
  console.log("teardown ran");
}
