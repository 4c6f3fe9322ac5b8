export default function () {}

export function handleSummary(data) {
  return { stdout: `iterations=${data.metrics.iterations.values.count}\n` };
}
