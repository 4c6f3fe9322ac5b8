export function twice(s: string): string {
  const joined: string = `${s}, ${s}`;
  return joined;
}
