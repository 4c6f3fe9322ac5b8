export const options = { summaryTrendStats: ["avg", "bogus"] };
export default function () {}
