import { Parser } from './lib/parser';

export default function (): number {
  return new Parser('{').parse();
}
