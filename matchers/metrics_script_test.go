package matchers_test

// metricsScript exercises every metric type, checks, thresholds, logs and
// an iteration error, with values that do not depend on scheduling:
// 4 iterations over 2 VUs, numbered 0 to 3 in the test.
const metricsScript = `
import { check, group } from "k6";
import exec from "k6/execution";
import { Counter, Gauge, Rate, Trend } from "k6/metrics";

const sent = new Counter("msgs_sent");
const depth = new Gauge("queue_depth");
const ok = new Rate("ok_rate");
const latency = new Trend("latency", true);
new Counter("never_used");

export const options = {
  vus: 2,
  iterations: 4,
  thresholds: {
    msgs_sent: ["count==8"],
    "latency{kind:first}": ["max<5"],
  },
};

export default function () {
  const n = exec.scenario.iterationInTest;
  sent.add(2, { url: "ws://a.test/echo" });
  depth.add(7);
  ok.add(n % 2 === 0);
  latency.add(10 * (n + 1), { kind: n === 0 ? "first" : "later" });
  check(n, { "is a number": (x) => typeof x === "number", "is even": (x) => x % 2 === 0 });
  group("inner", () => { check(n, { "is a number": () => true }); });
  console.log("iteration " + n);
  if (n === 3) {
    console.error("about to fail");
    throw new Error("boom at three");
  }
}
`

// cleanScript passes everything.
const cleanScript = `
import { check } from "k6";
import { Counter } from "k6/metrics";
const hits = new Counter("hits");
export const options = { iterations: 2, thresholds: { hits: ["count==2"] } };
export default function () {
  hits.add(1);
  check(1, { "one is one": (x) => x === 1 });
}
`
