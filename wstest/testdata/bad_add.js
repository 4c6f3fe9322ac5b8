import { Trend } from "k6/metrics";

const t = new Trend("waiting_time");

export default function () {
  console.log(`added=${t.add("abc")}`);
  console.log(`added=${t.add(12)}`);
}
