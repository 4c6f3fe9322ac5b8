import { x } from './lib/broken.js';

export default function () {
  return x;
}
