export const options = { setupTimeout: "100ms" };
export function setup() {
  const t = Date.now();
  while (Date.now() - t < 3000) {}
}
export default function () {}
