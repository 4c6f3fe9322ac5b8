// check(value, sets, tags) checks value like k6's check, recording into the
// built-in `checks` metric; it returns a Promise when a check function does.
export function check(value, sets, tags = {}) {
  return runChecks(value, sets, tags);
}
