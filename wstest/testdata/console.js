export default function () {
  console.log("plain", "words", 1.5, true, null, undefined);
  console.info({ a: 1, b: "x", nested: { list: [1, "two"] } });
  console.warn([1, 2, 3], function named() {});
  const cyclic = { name: "loop" };
  cyclic.self = cyclic;
  console.error(cyclic, new Error("bad"));
  console.debug(new Uint8Array([1, 2]), new Uint8Array([1, 255]).buffer);
  console.log(new Date(0));
}
