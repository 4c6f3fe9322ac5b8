// The executor comes from __ENV.EXECUTOR so one script covers them all.
const scenarios = {
  shared: { executor: "shared-iterations", vus: 3, iterations: 10 },
  pervu: { executor: "per-vu-iterations", vus: 2, iterations: 3 },
  constant: { executor: "constant-vus", vus: 2, duration: "300ms" },
  ramping: {
    executor: "ramping-vus",
    startVUs: 0,
    stages: [
      { duration: "200ms", target: 3 },
      { duration: "200ms", target: 0 },
    ],
    gracefulRampDown: "0s",
  },
};

export const options = { scenarios: { [__ENV.EXECUTOR]: scenarios[__ENV.EXECUTOR] } };

export default function () {
  // Each iteration takes a little time so that durations mean something.
  return new Promise((resolve) => setTimeout(resolve, 20));
}
