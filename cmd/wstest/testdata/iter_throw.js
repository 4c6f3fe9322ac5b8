export const options = { iterations: 1 };
export default function () {
  throw new Error("probe iteration error");
}
