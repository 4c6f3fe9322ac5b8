package matchers_test

// eventsScript opens three sockets from one VU, one after the other: an
// echo that gets two messages back and is closed by the script, a socket
// the server closes with 4000, and a refused upgrade.
const eventsScript = `
import { WebSocket } from "k6/websockets";

export const options = { vus: 1, iterations: 1 };

function echo(next) {
  const ws = new WebSocket(__ENV.WSTEST_URL + "/echo");
  let n = 0;
  ws.onopen = () => { ws.send("hello"); ws.send("world"); };
  ws.onmessage = () => { if (++n === 2) ws.close(1000, "done"); };
  ws.onclose = next;
}

function serverClose(next) {
  const ws = new WebSocket(__ENV.WSTEST_URL + "/close/4000");
  ws.onclose = next;
}

function refused() {
  const ws = new WebSocket(__ENV.WSTEST_URL + "/status/403");
  ws.onerror = () => {};
}

export default function () {
  echo(() => serverClose(refused));
}
`
