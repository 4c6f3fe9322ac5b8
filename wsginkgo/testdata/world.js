import { Counter } from "k6/metrics";

const worlds = new Counter("worlds");

export default function () {
  worlds.add(1);
}
