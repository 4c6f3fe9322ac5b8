// Comments shift the lines so that a wrong mapping shows.

export function explode(n) {
  if (n > 2) {
    throw new RangeError(`too big: ${n}`);
  }
  return n;
}
