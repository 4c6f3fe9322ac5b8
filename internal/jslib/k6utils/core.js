// Shared by every version: the helpers below and the two functions whose
// behaviour never changed.

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';

function nibble() {
  return (Math.random() * 16) | 0;
}

// randomUUID returns a random version 4 UUID in lowercase hex.
function randomUUID() {
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

// stringLength checks randomString's length. Difference: k6 loops forever
// on a negative, fractional or infinite length; wstest throws a TypeError.
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

// randomChars returns length characters picked from charset.
function randomChars(length, charset) {
  let out = '';
  for (let left = stringLength(length); left > 0; left--) {
    out += charset[(Math.random() * charset.length) | 0];
  }
  return out;
}

// piecesBetween returns the text between the first left and the first right
// after it, or null when either is missing. With repeat it returns every
// such piece, scanning on after each right, or null when there is none.
// Difference: k6 loops forever with repeat when left and right are both
// empty; wstest stops.
function piecesBetween(content, left, right, repeat) {
  const pieces = [];
  let rest = content;
  for (;;) {
    const at = rest.indexOf(left);
    if (at < 0) {
      break;
    }
    const from = at + left.length;
    const to = rest.indexOf(right, from);
    if (to < 0) {
      break;
    }
    const piece = rest.substring(from, to);
    if (!repeat) {
      return piece;
    }
    pieces.push(piece);
    const next = to + right.length;
    if (next === 0) {
      break;
    }
    rest = rest.substring(next);
  }
  return pieces.length > 0 ? pieces : null;
}
