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
