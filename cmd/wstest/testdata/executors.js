// Scenarios whose order by start time differs from their names' order,
// for the header's and the final progress block's executor texts.
export const options = {
  scenarios: {
    z: { executor: "per-vu-iterations", vus: 2, iterations: 2, maxDuration: "5s" },
    b: { executor: "shared-iterations", vus: 1, iterations: 3, startTime: "100ms", maxDuration: "5s", exec: "other" },
    a: { executor: "ramping-vus", startTime: "100ms", stages: [{ duration: "200ms", target: 2 }], gracefulRampDown: "0s", gracefulStop: "1s" },
  },
};
export default function () {}
export function other() {}
