export const options = { thresholds: { iterations: ["p(95)<100"] } };

export default function () {}
