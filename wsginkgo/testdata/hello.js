import { check } from "k6";

export const options = { iterations: 2 };

export default function () {
  console.log(`hello from ${__ENV.WHO || "nobody"}`);
  check(__ITER, { "iteration is small": (i) => i < 2 });
}
