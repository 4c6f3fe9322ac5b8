export const options = { iterations: 1, notAnOption: true };
export default function () {}
