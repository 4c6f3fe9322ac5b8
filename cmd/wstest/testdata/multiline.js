export const options = { iterations: 1 };
export default function () { console.log("first line\nsecond line"); }
