export default async function () {
  await Promise.resolve();
  throw new TypeError("async boom");
}
