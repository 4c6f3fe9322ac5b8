// The legacy k6/ws API: ws.connect blocks the iteration while the socket's
// own loop runs its handlers and timers, then returns the handshake's
// response. Each VU chats with the echo endpoint, pings it, and closes
// after a socket timer. WSTEST_URL is set by `wstest run` to its fixture
// server; pass -e WSTEST_URL=ws://host:port to aim elsewhere.
import { check } from "k6";
import ws from "k6/ws";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";

export const options = { vus: 2, iterations: 4 };

export default function () {
  const res = ws.connect(`${base}/echo?room=legacy`, { tags: { room: "legacy" } }, function (socket) {
    let echoes = 0;

    socket.on("open", () => {
      socket.send("hello");
      socket.ping();
      socket.setInterval(() => socket.send(`tick ${echoes}`), 100);
      socket.setTimeout(() => socket.close(1000), 1000);
    });

    socket.on("message", (msg) => {
      echoes++;
      check(msg, { "the echo is text": (m) => typeof m === "string" });
    });

    socket.on("pong", () => console.log("pong"));
    socket.on("error", (e) => console.error(`socket error: ${e.error()}`));
    socket.on("close", (code) => check(code, { "closed normally": (c) => c === 1000 }));
  });

  check(res, { "status is 101": (r) => r && r.status === 101 });
}
