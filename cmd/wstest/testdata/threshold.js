import { Counter } from "k6/metrics";

const c = new Counter("things");

export const options = { iterations: 2, thresholds: { things: ["count>5"] } };

export default function () {
  c.add(1);
}
export function teardown() {
  console.log("teardown ran");
}
