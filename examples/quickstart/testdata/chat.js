// Two VUs join one chat room, each says hello and leaves once the room has
// echoed its own message back.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { vus: 2, iterations: 2 };

export default function () {
  const name = `croc_${__VU}`;
  const ws = new WebSocket(`${__ENV.URL}/ws/crocochat/quickstart/`);

  ws.onopen = () => {
    ws.send(JSON.stringify({ event: "SET_NAME", new_name: name }));
    ws.send(JSON.stringify({ event: "SAY", message: `hello from ${name}` }));
  };
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.event === "CHAT_MSG" && msg.user === name) {
      check(msg, { "the room echoed my message": (m) => m.message === `hello from ${name}` });
      console.log(`${name} was heard`);
      ws.close();
    }
  };
}
