// Dials each demo host by its public URL; run with --fixture-host for each.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export default function () {
  const urls = ["wss://echo.websocket.org", "ws://localhost:10000", "wss://quickpizza.grafana.com/ws"];
  for (const url of urls) {
    const ws = new WebSocket(url);
    const got = [];
    ws.onopen = () => ws.send("hello");
    ws.onmessage = (e) => {
      got.push(e.data);
      if (e.data === "hello") ws.close();
    };
    ws.onclose = () => check(got, { [`${url} answered`]: (g) => g[g.length - 1] === "hello" });
  }
}
