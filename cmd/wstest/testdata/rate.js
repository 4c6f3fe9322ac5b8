// A constant-arrival-rate scenario for the progress display.
export const options = {
  scenarios: {
    rate: { executor: "constant-arrival-rate", rate: 10, timeUnit: "1s", duration: "1s", preAllocatedVUs: 2, maxVUs: 2 },
  },
};
export default function () {}
