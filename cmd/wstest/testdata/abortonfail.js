import { Counter } from "k6/metrics";
const c = new Counter("probe_count");
export const options = { duration: "10s", thresholds: { probe_count: [{ threshold: "count<5", abortOnFail: true }] } };
export default function () {
  c.add(1);
}
export function teardown() {
  console.log("teardown ran");
}
