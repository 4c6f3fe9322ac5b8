export const options = { vus: -2, iterations: 1 };
export default function () {}
