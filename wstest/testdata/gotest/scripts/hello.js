export const options = { iterations: 1 };

export default function () {
  console.log("hello from the script");
}
