import { check, group, sleep } from "k6";
import exec from "k6/execution";
import { Counter } from "k6/metrics";

const hits = new Counter("hits");

export const options = { vus: 2, iterations: 4 };

export function setup() {
  return { greeting: "hello" };
}

export default function (data) {
  group("g1", () => {
    check(data, { "has greeting": (d) => d.greeting === "hello" });
  });
  hits.add(1, { vu: String(exec.vu.idInTest) });
  setTimeout(() => console.log(`vu ${__VU} iter ${__ITER}`), 1);
}

export function teardown(data) {
  console.log("teardown", data.greeting);
}
