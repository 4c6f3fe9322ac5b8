export const options = { duration: "s" };
export default function () {}
