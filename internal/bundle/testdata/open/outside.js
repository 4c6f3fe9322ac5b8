export const secret = open('../outside.txt');
export default function () {}
