import { expect } from "https://jslib.k6.io/k6-testing/0.5.0/index.js";

export const options = { iterations: 1 };

type Reply = { count: number };

function checkReply(reply: Reply): void {
  expect(reply.count).toBe(2);
}

export default function (): void {
  checkReply({ count: 1 });
}
