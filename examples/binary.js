// Sends binary frames and reads them back as ArrayBuffers.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";

export const options = { iterations: 2 };

export default function () {
  const ws = new WebSocket(`${base}/echo`);
  ws.binaryType = "arraybuffer";
  const sizes = [1, 16, 1024];
  let got = 0;

  ws.onopen = () => {
    for (const n of sizes) {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = (i * 7) % 256;
      ws.send(bytes.buffer);
    }
  };

  ws.onmessage = (e) => {
    const bytes = new Uint8Array(e.data);
    check(bytes, {
      "a binary frame comes back as an ArrayBuffer": () => e.data instanceof ArrayBuffer,
      "the size is kept": (b) => b.length === sizes[got],
      "the bytes are kept": (b) => b.every((v, i) => v === (i * 7) % 256),
    });
    if (++got === sizes.length) ws.close();
  };
}
