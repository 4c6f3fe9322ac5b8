// Lets the server ping us a few times, then measures one round trip of our
// own ping (the ws_ping metric) before leaving.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";

export const options = { iterations: 3 };

export default function () {
  const ws = new WebSocket(`${base}/ping?every=10ms`);
  let pings = 0;

  ws.onping = () => {
    pings++;
    if (pings === 3) ws.ping();
  };

  ws.onpong = () => {
    check(pings, { "the server pinged first": (n) => n >= 3 });
    ws.close();
  };
}
