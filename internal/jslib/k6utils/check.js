// The check helper of 1.5.0 on records into the built-in `checks` Rate, as
// k6's own check does: loading the module re-declares that metric with its
// own type, which k6/metrics allows. Each entry adds one sample tagged
// check=<name> plus the caller's tags.
let checksRate = null;
let metricsModule = null;
try {
  metricsModule = require('k6/metrics');
} catch (e) {
  metricsModule = null;
}
if (metricsModule != null) {
  checksRate = new metricsModule.Rate('checks');
}

function isPromise(v) {
  return v instanceof Promise;
}

function recordCheck(name, passed, tags) {
  checksRate.add(passed ? 1 : 0, Object.assign({}, tags, { check: name }));
  return !!passed;
}

// runChecks evaluates every entry of sets against value: a function is
// called with value, anything else is taken for its truthiness. It returns
// whether all passed, or a Promise of that when some check gave a Promise
// (whose outcome is recorded once it settles; a rejection fails the check).
function runChecks(value, sets, tags) {
  if (checksRate == null) {
    throw new Error('k6/metrics is not available: check of k6-utils needs it');
  }
  const extra = tags || {};
  const pending = [];
  let all = true;
  for (const name of Object.keys(sets || {})) {
    const entry = sets[name];
    const result = typeof entry === 'function' ? entry(value) : entry;
    if (isPromise(result)) {
      pending.push(result.then(
        (r) => recordCheck(name, r, extra),
        () => recordCheck(name, false, extra),
      ));
      continue;
    }
    all = recordCheck(name, result, extra) && all;
  }
  if (pending.length === 0) {
    return all;
  }
  return Promise.all(pending).then((results) => results.every(Boolean) && all);
}
