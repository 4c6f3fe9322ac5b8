const v = await Promise.resolve(1);

export default function () {
  return v;
}
