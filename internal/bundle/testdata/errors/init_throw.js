import './lib/bad_init.js';

export default function () {}
