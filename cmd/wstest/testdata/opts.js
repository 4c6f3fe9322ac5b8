// Logs the consolidated options and __ENV values the tests look at.
import exec from "k6/execution";

export const options = { vus: 3, iterations: 3 };

export function setup() {
  console.log("setup ran");
}

export default function () {
  if (exec.scenario.iterationInTest !== 0) return;
  const o = exec.test.options;
  const sc = o.scenarios.default || {};
  console.log(`vus=${sc.vus} iterations=${sc.iterations} executor=${sc.executor} stages=${(sc.stages || []).map((s) => s.duration + ":" + s.target).join(",")} ua=${o.userAgent} tags=${Object.keys(o.tags || {}).sort().map((k) => k + ":" + o.tags[k]).join(",")} foo=${__ENV.FOO} home=${__ENV.HOME !== undefined} start=${sc.startVUs}`);
  console.debug("debug line");
}

export function teardown() {
  console.log("teardown ran");
}
