import { check, group } from "k6";
import exec from "k6/execution";
import { Counter, Gauge, Rate, Trend } from "k6/metrics";

const sent = new Counter("messages_sent");
const queue = new Gauge("queue_depth");
const okRate = new Rate("ok_rate");
const latency = new Trend("latency", true);

export const options = {
  iterations: 10,
  vus: 2,
  thresholds: {
    messages_sent: ["count==10"],
    latency: ["p(95)<100", "avg<50"],
    "latency{kind:slow}": ["max>=90"],
    ok_rate: [{ threshold: "rate>0.5", abortOnFail: false }],
    checks: ["rate==1"],
    queue_depth: ["value<0"],
  },
};

export default function () {
  const n = exec.scenario.iterationInTest;
  group("send", () => {
    sent.add(1);
    queue.add(n);
    okRate.add(n % 5 !== 0);
    latency.add(n === 0 ? 90 : 10, { kind: n === 0 ? "slow" : "fast" });
    check(n, { "iteration is a number": (i) => typeof i === "number" });
  });
}
