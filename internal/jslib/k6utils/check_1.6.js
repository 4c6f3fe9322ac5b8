// check(value, sets, tags) checks value like k6's check, recording into the
// built-in `checks` metric; it returns a Promise when a check function does.
// value may itself be a Promise: the checks then run on what it resolves to.
export function check(value, sets, tags = {}) {
  if (isPromise(value)) {
    return value.then((v) => runChecks(v, sets, tags));
  }
  return runChecks(value, sets, tags);
}
