// Waits for the server's keepalive ping on wss://quickpizza.grafana.com/ws
// (every 54 s on the real host; --time-scale shortens it on the stand-in).
//
//   go run ./cmd/wstest run --fixture-host quickpizza.grafana.com --time-scale 0.01 examples/quickpizza_onping.js
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { iterations: 1 };

export default function () {
  const ws = new WebSocket("wss://quickpizza.grafana.com/ws");
  let pinged = false;
  ws.onping = () => {
    pinged = true;
    ws.close();
  };
  ws.onclose = () => check(pinged, { "the server pinged": (p) => p });
}
