// Sends a few text messages to an echo endpoint and checks that each one
// comes back unchanged. WSTEST_URL is set by `wstest run` to its fixture
// server; pass -e WSTEST_URL=ws://host:port to aim elsewhere.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";
const messages = ["first", "second", "third", "fourth", "fifth"];

export const options = { vus: 3, iterations: 6 };

export default function () {
  const ws = new WebSocket(`${base}/echo`);
  const heard = [];

  ws.onopen = () => messages.forEach((m) => ws.send(m));

  ws.onmessage = (e) => {
    heard.push(e.data);
    if (heard.length === messages.length) {
      check(heard, { "every message came back in order": (h) => h.join() === messages.join() });
      ws.close();
    }
  };

  ws.onerror = (e) => console.error(`echo failed: ${e.error}`);
}
