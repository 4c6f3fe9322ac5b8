import { Trend } from "k6/metrics";

const latency = new Trend("latency", true);

export const options = {
  iterations: 1,
  thresholds: { latency: ["p(95)<0.001"] },
};

export default function () {
  latency.add(0.44112);
}
