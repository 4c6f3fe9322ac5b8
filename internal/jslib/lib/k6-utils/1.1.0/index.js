// k6-utils 1.1.0, written for wstest: an independent implementation of the
// functions served at https://jslib.k6.io/k6-utils/1.1.0/index.js.
// Every random choice comes from Math.random, so a seeded runtime repeats.
// Difference: randomString throws a TypeError for a negative, fractional or
// infinite length instead of looping forever.

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';

function nibble() {
  return (Math.random() * 16) | 0;
}

// uuidv4 returns a random version 4 UUID in lowercase hex.
export function uuidv4() {
  let out = '';
  for (const ch of 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx') {
    if (ch === 'x') {
      out += nibble().toString(16);
    } else if (ch === 'y') {
      out += ((nibble() & 3) | 8).toString(16);
    } else {
      out += ch;
    }
  }
  return out;
}

// randomIntBetween returns an integer in [min, max], both ends included.
export function randomIntBetween(min, max) {
  return Math.floor(Math.random() * (max - min + 1) + min);
}

// randomItem returns one element of items (undefined when it is empty).
export function randomItem(items) {
  return items[Math.floor(Math.random() * items.length)];
}

function stringLength(length) {
  const n = Number(length);
  if (Number.isNaN(n)) {
    return 0;
  }
  if (n < 0 || !Number.isInteger(n)) {
    throw new TypeError(`randomString: length must be a non-negative integer, got ${String(length)}`);
  }
  return n;
}

// randomString returns length random lowercase letters.
export function randomString(length) {
  let out = '';
  for (let left = stringLength(length); left > 0; left--) {
    out += LOWERCASE[(Math.random() * LOWERCASE.length) | 0];
  }
  return out;
}

// findBetween returns the text between the first left and the first right
// after it, or '' when either is missing.
export function findBetween(content, left, right) {
  const at = content.indexOf(left);
  if (at < 0) {
    return '';
  }
  const from = at + left.length;
  const to = content.indexOf(right, from);
  if (to < 0) {
    return '';
  }
  return content.substring(from, to);
}
