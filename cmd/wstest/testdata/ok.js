import { check } from "k6";

export default function () {
  check(1, { "one is one": (v) => v === 1 });
}
