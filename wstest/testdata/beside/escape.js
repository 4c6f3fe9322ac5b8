const secret = open("../smoke.js");

export default function () {
  console.log(secret.length);
}
