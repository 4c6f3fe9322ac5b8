export default function () {}
export function teardown() {
  throw new Error("probe teardown error");
}
