export function setup() {
  throw new Error("setup failed on purpose");
}

export default function () {}
