// Logs "started" in its first iteration, then sleeps; teardown logs.
import { sleep } from "k6";
import { Counter } from "k6/metrics";
const c = new Counter("probe_count");
export const options = { vus: 1, duration: "60s" };
export default function () {
  c.add(1);
  console.log("started");
  sleep(30); // a signal ends the sleep, not the iteration
  console.log("iteration end");
}
export function teardown() {
  console.log("teardown ran");
  c.add(1, { phase: "teardown" });
  if (__ENV.SLOW_TEARDOWN) {
    const t = Date.now();
    while (Date.now() - t < 20000) {}
  }
}
