import { twice } from './deep/util';

export const counter = { hits: 0 };

export function greet(name) {
  return twice(`hello ${name}`);
}
