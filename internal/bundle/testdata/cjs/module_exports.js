const config = require('./config.json');

function run() {
  return config.greeting + ' ' + config.names.join(',');
}

module.exports = { options: { vus: config.vus }, default: run };
