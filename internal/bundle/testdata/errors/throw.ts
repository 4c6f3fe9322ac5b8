type Data = { list: string[] };

export default function (): number {
  const data: Data = { list: [] };
  const s: string = 'x';
  throw new Error(`boom ${s} ${data.list.length}`);
}
