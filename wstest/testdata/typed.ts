interface Greeting {
  text: string;
  count: number;
}

function explode(g: Greeting): never {
  throw new Error(`ts boom ${g.text}`);
}

export default function (): void {
  const g: Greeting = { text: "hi", count: 1 };
  explode(g);
}
