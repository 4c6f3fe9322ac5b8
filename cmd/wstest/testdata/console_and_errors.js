// A console line, one of wstest's own warnings (-i overrides the
// scenarios) and an iteration exception: only the first is console output.
export const options = { scenarios: { one: { executor: "shared-iterations", iterations: 1 } } };
export default function () {
  console.log("from the script");
  throw new Error("probe iteration error");
}
