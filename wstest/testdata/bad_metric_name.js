import { Counter } from "k6/metrics";

const bad = new Counter("no spaces allowed");

export default function () {
  bad.add(1);
}
