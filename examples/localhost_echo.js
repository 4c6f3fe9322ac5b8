// Talks to the echo server that k6's docs ask readers to start with Docker
// on port 10000 (jmalloc/echo-server): text and binary both come back.
//
// With the container:      k6 run examples/localhost_echo.js
// Offline, on the stand-in:
//   go run ./cmd/wstest run --fixture-host localhost examples/localhost_echo.js
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { iterations: 2 };

export default function () {
  const ws = new WebSocket("ws://localhost:10000");
  ws.binaryType = "arraybuffer";
  const heard = [];

  ws.addEventListener("open", () => {
    ws.send("ping me back");
    ws.send(new Uint8Array([1, 2, 3]).buffer);
    ws.ping();
  });

  ws.addEventListener("message", (e) => {
    heard.push(typeof e.data === "string" ? e.data : `bytes:${new Uint8Array(e.data).join(",")}`);
    if (heard.length === 3) ws.close();
  });

  ws.addEventListener("pong", () => heard.push("pong"));

  ws.addEventListener("close", () => {
    check(heard, {
      "greeted first": (h) => h[0].startsWith("Request served by"),
      "text echoed": (h) => h.includes("ping me back"),
      "binary echoed": (h) => h.includes("bytes:1,2,3"),
    });
  });
}
