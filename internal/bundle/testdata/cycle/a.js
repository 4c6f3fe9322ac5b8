const b = require('./b.js');

exports.name = 'a';
exports.seenByB = b.sawA;
exports.default = function () {
  return b.name + b.callA();
};
