export default function () {
  const a = 1;
  let b = a +* 2;
  return b;
}
