import { Counter } from "k6/metrics";
const c = new Counter("probe_count");
export const options = { iterations: 1 };
export default function () {
  c.add("abc");
  console.log("after add");
}
