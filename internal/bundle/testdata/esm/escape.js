import { add } from '../cjs/helper.js';

export default function () {
  return add(2, 3);
}
