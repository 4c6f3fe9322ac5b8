import { explode } from './lib/exploder.js';

export default function () {
  return explode(3);
}
