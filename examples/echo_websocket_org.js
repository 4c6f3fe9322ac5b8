// Measures round trips through wss://echo.websocket.org the way k6's docs
// do: send the time, read it back. The host first says which server
// answered, a line that is not a number.
//
// Against the real host:   k6 run examples/echo_websocket_org.js
// Offline, on the stand-in:
//   go run ./cmd/wstest run --fixture-host echo.websocket.org examples/echo_websocket_org.js
import { check } from "k6";
import { WebSocket } from "k6/websockets";
import { Trend } from "k6/metrics";

const roundTrip = new Trend("echo_round_trip", true);

export const options = { vus: 2, iterations: 4 };

export default function () {
  const ws = new WebSocket("wss://echo.websocket.org/");
  let greeted = false;
  let left = 3;

  ws.onopen = () => ws.send(String(Date.now()));

  ws.onmessage = (e) => {
    const sent = Number(e.data);
    if (Number.isNaN(sent)) {
      greeted = e.data.startsWith("Request served by");
      return;
    }
    roundTrip.add(Date.now() - sent);
    if (--left > 0) {
      ws.send(String(Date.now()));
    } else {
      ws.close();
    }
  };

  ws.onclose = () => check(greeted, { "the server said who it is": (g) => g });
}
