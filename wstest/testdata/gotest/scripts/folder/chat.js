export default function () {
  console.log("chat ran");
}
