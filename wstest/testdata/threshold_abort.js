import { Counter } from "k6/metrics";

const failures = new Counter("failures");

// Runs for up to 10 s unless the threshold aborts it after its first evaluation.
export const options = {
  vus: 1,
  duration: "10s",
  thresholds: { failures: [{ threshold: "count<1", abortOnFail: true }] },
};

export default function () {
  failures.add(1);
  return new Promise((resolve) => setTimeout(resolve, 50));
}
