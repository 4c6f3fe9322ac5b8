import exec from "k6/execution";

export const options = {
  iterations: 3,
  thresholds: { iterations: ["count>100"] },
};

export default function () {
  exec.test.abort("enough");
}

export function teardown() {
  console.log("teardown ran");
}
