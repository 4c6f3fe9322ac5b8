import exec from "k6/execution";

export default function () {
  exec.test.abort("stop now");
}
export function teardown() {
  console.log("teardown ran");
}
