import { twice } from './deep/util.ts';

export const counter = { hits: 0 };

export function greet(name) {
  return twice(`hello ${name}`);
}
