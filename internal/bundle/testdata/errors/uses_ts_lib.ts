import { Parser } from './lib/parser.ts';

export default function (): number {
  return new Parser('{').parse();
}
