const a = require('./a.js');

// a is only partly built here: a.name is not set yet.
exports.sawA = String(a.name);
exports.name = 'b';
exports.callA = function () {
  return a.name;
};
