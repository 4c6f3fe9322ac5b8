export default function () {
  let = = 1;
}
