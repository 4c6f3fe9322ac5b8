export default function () {
  console.log("echo ran");
}
