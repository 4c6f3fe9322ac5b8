function standardNormal(x) {
  return Math.exp(-0.5 * Math.pow(x, 2)) / Math.sqrt(2 * Math.PI);
}

// normalDistributionStages returns numberOfStages + 2 ramping stages whose
// targets follow a bell curve peaking at maxVus: a first and a last stage of
// ceil(durationSeconds / 6) seconds, and numberOfStages stages sharing the
// remaining two thirds; the last target is 0.
export function normalDistributionStages(maxVus, durationSeconds, numberOfStages = 10) {
  const n = numberOfStages;
  const density = [];
  for (let i = 0; i <= n; i++) {
    density.push(standardNormal(-2 + (4 * i) / n));
  }
  density.push(0);
  const peak = Math.max(...density);
  const outer = Math.ceil(durationSeconds / 6);
  const inner = Math.ceil((4 * durationSeconds) / (6 * n));
  return density.map((d, k) => ({
    duration: `${k === 0 || k === n + 1 ? outer : inner}s`,
    target: Math.round((d * maxVus) / peak),
  }));
}
