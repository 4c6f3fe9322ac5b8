// A chat on wss://quickpizza.grafana.com/ws, the docs' pattern: each socket
// names itself, says something on a timer and leaves. The host is a plain
// broadcast hub: it relays every text message unchanged to everyone, the
// sender too, and never speaks first.
//
// Against the real host:   k6 run examples/quickpizza_ws.js
// Offline, on the stand-in:
//   go run ./cmd/wstest run --fixture-host quickpizza.grafana.com --time-scale 0.01 examples/quickpizza_ws.js
import { check } from "k6";
import { WebSocket } from "k6/websockets";
import { setTimeout, setInterval, clearInterval } from "k6/timers";

export const options = { vus: 2, iterations: 2 };

export default function () {
  for (let i = 0; i < 3; i++) talker(`pizzaiolo_${__VU}_${i}`);
}

function talker(name) {
  const ws = new WebSocket("wss://quickpizza.grafana.com/ws");
  let mine = 0;
  let talking = null;

  ws.onopen = () => {
    ws.send(JSON.stringify({ event: "SET_NAME", new_name: name }));
    talking = setInterval(() => ws.send(JSON.stringify({ event: "SAY", message: `${name} wants olives` })), 300);
    setTimeout(() => {
      clearInterval(talking);
      ws.send(JSON.stringify({ event: "LEAVE", name }));
    }, 2000);
  };

  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.new_name === name || msg.message === `${name} wants olives`) mine++;
    // Our LEAVE coming back means everything we sent before it came back.
    if (msg.event === "LEAVE" && msg.name === name) ws.close();
  };

  ws.onclose = () => {
    clearInterval(talking);
    check(mine, { "our own messages came back": (n) => n >= 2 });
  };
}
