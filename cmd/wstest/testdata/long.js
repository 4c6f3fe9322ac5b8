// Two scenarios for the progress display.
import { sleep } from "k6";
export const options = {
  scenarios: {
    fixed: { executor: "shared-iterations", vus: 1, iterations: 4, maxDuration: "12s" },
    steady: { executor: "constant-vus", vus: 2, duration: "1200ms", gracefulStop: "1s", exec: "other", startTime: "100ms" },
  },
};
export default function () {
  if (__ITER === 2) console.log("iteration line"); // while the bars are drawn
  sleep(0.3);
}
export function other() { sleep(0.3); }
export function setup() { console.log("setup line"); }
