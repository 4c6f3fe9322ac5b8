// setup() data as default and handleSummary see it.
export const options = { iterations: 1 };
export function setup() { return { token: "t0" }; }
export default function (data) { console.log("data=" + JSON.stringify(data)); }
export function handleSummary(data) {
  return { stdout: "setup_data=" + JSON.stringify(data.setup_data) + "\n" };
}
