import { Counter, Trend } from "k6/metrics";

const counter = new Counter("bench_counter");
const trend = new Trend("bench_trend");

// Adds __ENV.N samples to the metric named by __ENV.KIND in one iteration.
export default function () {
  const metric = __ENV.KIND === "trend" ? trend : counter;
  const n = Number(__ENV.N);
  for (let i = 0; i < n; i++) {
    metric.add(i);
  }
}
