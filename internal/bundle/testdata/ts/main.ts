import { Greeter } from './lib/greeter.ts';

interface Options {
  vus: number;
}

export const options: Options = { vus: 3 };

export default function (): string {
  const g: Greeter = new Greeter('ts');
  return g.hello();
}
