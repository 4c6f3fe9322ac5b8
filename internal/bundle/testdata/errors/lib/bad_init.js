const config = { retries: 3 };

if (config.retries > 2) {
  throw new TypeError('bad init');
}
