import { readLocal } from './lib/reader.js';

export const text = open('./data/hello.txt');
export const bin = open('data/bytes.bin', 'b');
export const bin2 = open('./data/bytes.bin', 'b');
export const fromLib = readLocal();

export default function () {
  return open('./data/hello.txt');
}
