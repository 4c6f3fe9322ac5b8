const k6 = require('k6');
const helper = require('./helper.js');

exports.options = { vus: 2 };

exports.default = function () {
  return helper.add(1, 2) + ':' + k6.version;
};
