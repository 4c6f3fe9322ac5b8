import { sleep } from "k6";
export const options = { scenarios: { s: { executor: "constant-vus", vus: 1, duration: "100ms", gracefulStop: "0s" } } };
export default function () {
  sleep(5);
}
