type Name = string;

export class Greeter {
  constructor(private readonly name: Name) {}

  hello(): string {
    return `hello ${this.name}`;
  }
}
