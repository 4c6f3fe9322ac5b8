import { greet, counter } from './lib/greet.js';
import legacy from './lib/legacy.js';
import * as k6 from 'k6';

export const options = { vus: 1, iterations: 1 };

export default function () {
  counter.hits++;
  return `${greet('vu')} ${legacy.shout('hi')} ${k6.version}`;
}

export function setup() {
  return { dir: __dirname.length > 0 };
}
