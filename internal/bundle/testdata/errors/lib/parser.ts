export class Parser {
  constructor(private readonly text: string) {}

  parse(): number {
    const depth: number = this.text.length;
    if (depth > 0) {
      throw new SyntaxError(`unbalanced: ${this.text}`);
    }
    return depth;
  }
}
