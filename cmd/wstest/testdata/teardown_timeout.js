export const options = { teardownTimeout: "100ms" };
export default function () {}
export function teardown() {
  const t = Date.now();
  while (Date.now() - t < 3000) {}
}
