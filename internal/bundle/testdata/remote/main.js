import { answer } from 'https://example.com/lib/main.js';

export default function () {
  return answer;
}
