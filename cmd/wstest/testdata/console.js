// One console line per level and value shape the log format shows.
export const options = { iterations: 1 };
export default function () {
  console.log("open");
  console.info("info line");
  console.warn("warn line");
  console.error("error line");
  console.debug("debug line");
  console.log({ a: "b" });
  console.log("a=b");
}
