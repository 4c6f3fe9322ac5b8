// k6-utils 1.3.0, written for wstest: an independent implementation of the
// functions served at https://jslib.k6.io/k6-utils/1.3.0/index.js.
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

// The stage helpers read the running scenario through k6/execution. It is
// looked up once, while this module loads (require works in init only).
let execution = null;
try {
  execution = require('k6/execution');
} catch (e) {
  execution = null;
}

const UNIT_TO_MS = {
  d: (v) => v * 24 * 60 * 60 * 1000,
  h: (v) => v * 60 * 60 * 1000,
  m: (v) => v * 60 * 1000,
  s: (v) => v * 1000,
  ms: (v) => Math.trunc(v),
};

function isDigit(c) {
  return c >= '0' && c <= '9';
}

// parseDuration turns a k6 duration such as '1h30m', '2.5s' or '300ms' into
// milliseconds. A trailing number without a unit counts as milliseconds.
export function parseDuration(str) {
  if (str == null || str.length < 1) {
    throw new Error('str is empty');
  }
  let total = 0;
  let number = '';
  const seen = {};
  for (let i = 0; i < str.length; i++) {
    if (isDigit(str[i]) || str[i] === '.') {
      number += str[i];
    }
    const next = str[i + 1];
    if (next === undefined || isDigit(next) || next === '.') {
      continue;
    }
    let unit = next;
    if (unit === 'm' && str[i + 2] === 's') {
      unit = 'ms';
      i++;
    }
    if (!Object.prototype.hasOwnProperty.call(UNIT_TO_MS, unit)) {
      throw new Error(`${unit} is an unsupported time unit`);
    }
    total += UNIT_TO_MS[unit](parseFloat(number));
    if (seen[unit]) {
      throw new Error(`${unit} time unit is provided multiple times`);
    }
    seen[unit] = true;
    i++;
    number = '';
  }
  if (number.length > 0) {
    total += parseFloat(number);
  }
  return total;
}

function currentStages() {
  if (execution == null || execution.test == null || execution.test.options == null) {
    throw new Error('k6/execution test.options is not available: the stage helpers of k6-utils need it');
  }
  const name = execution.scenario.name;
  const scenarios = execution.test.options.scenarios || {};
  const scenario = scenarios[name];
  if (scenario == null) {
    throw new Error(`exec.test.options has no scenario named ${name}`);
  }
  if (scenario.stages == null) {
    throw new Error('only ramping-vus and ramping-arrival-rate scenarios have stages: there is no stage index for this executor');
  }
  if (scenario.stages.length < 1) {
    throw new Error(`the current scenario ${name} has no stages`);
  }
  return scenario.stages;
}

// getCurrentStageIndex returns the index of the stage the current scenario
// is in, from the time elapsed since the scenario started; past the end it
// returns the last index.
export function getCurrentStageIndex() {
  const stages = currentStages();
  const elapsed = new Date() - execution.scenario.startTime;
  let end = 0;
  for (let i = 0; i < stages.length; i++) {
    end += parseDuration(stages[i].duration);
    if (elapsed < end) {
      return i;
    }
  }
  return stages.length - 1;
}

// tagWithCurrentStageIndex sets the VU tag 'stage' to the current stage index.
export function tagWithCurrentStageIndex() {
  execution.vu.tags['stage'] = getCurrentStageIndex();
}

// tagWithCurrentStageProfile sets the VU tag 'stage_profile' to 'ramp-up',
// 'steady' or 'ramp-down', comparing the current stage's target with the
// previous one (the first stage counts as 'ramp-up').
export function tagWithCurrentStageProfile() {
  const index = getCurrentStageIndex();
  let profile = 'ramp-up';
  if (index > 0) {
    const stages = currentStages();
    const now = stages[index].target;
    const before = stages[index - 1].target;
    if (now > before) {
      profile = 'ramp-up';
    } else if (now == before) {
      profile = 'steady';
    } else {
      profile = 'ramp-down';
    }
  }
  execution.vu.tags['stage_profile'] = profile;
}
