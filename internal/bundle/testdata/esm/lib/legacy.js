// A CommonJS module imported with an ES default import.
function shout(s) {
  return s.toUpperCase() + '!';
}

module.exports = { shout: shout };
