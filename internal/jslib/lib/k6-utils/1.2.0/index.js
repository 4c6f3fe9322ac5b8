// k6-utils 1.2.0, written for wstest: an independent implementation of the
// functions served at https://jslib.k6.io/k6-utils/1.2.0/index.js.
// Every random choice comes from Math.random, so a seeded runtime repeats.
// Differences: randomString throws a TypeError for a negative, fractional or
// infinite length instead of looping forever, and findBetween with repeat
// stops instead of looping forever when left and right are both empty.

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

// randomString returns length characters picked from charset.
export function randomString(length, charset = LOWERCASE) {
  let out = '';
  for (let left = stringLength(length); left > 0; left--) {
    out += charset[(Math.random() * charset.length) | 0];
  }
  return out;
}

// findBetween returns the text between the first left and the first right
// after it. With repeat it returns every such piece, scanning on after each
// right. A miss gives null in both forms.
export function findBetween(content, left, right, repeat = false) {
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

function standardNormal(x) {
  return Math.exp(-0.5 * Math.pow(x, 2)) / Math.sqrt(2 * Math.PI);
}

// normalDistributionStages returns numberOfStages + 2 ramping stages whose
// targets follow a bell curve peaking at maxVus: a first and a last stage of
// ceil(durationSeconds / 6) seconds, and numberOfStages stages sharing the
// remaining two thirds; the last target is 0.
export function normalDistributionStages(maxVus, durationSeconds, numberOfStages = 10) {
  const n = numberOfStages;
  const density = [];
  for (let i = 0; i <= n; i++) {
    density.push(standardNormal(-2 + (4 * i) / n));
  }
  density.push(0);
  const peak = Math.max(...density);
  const outer = Math.ceil(durationSeconds / 6);
  const inner = Math.ceil((4 * durationSeconds) / (6 * n));
  return density.map((d, k) => ({
    duration: `${k === 0 || k === n + 1 ? outer : inner}s`,
    target: Math.round((d * maxVus) / peak),
  }));
}
