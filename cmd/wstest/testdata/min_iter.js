// Logs whether its first iteration lasted the minimum iteration duration
// (the second starts only after it).
let last = 0;
export const options = { vus: 1 };
export default function () {
  if (last) console.log(`took at least 30ms: ${Date.now() - last >= 30}`);
  last = Date.now();
}
