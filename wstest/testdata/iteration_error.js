export const options = { iterations: 2 };

export default function () {
  const answer = 42;
  throw new Error(`boom ${answer}`);
}
