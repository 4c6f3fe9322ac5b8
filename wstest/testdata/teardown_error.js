export default function () {}

export function teardown() {
  throw new Error("teardown failed on purpose");
}
