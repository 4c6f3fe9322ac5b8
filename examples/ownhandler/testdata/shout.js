// Ten sockets per VU say hello to the application's /shout endpoint and
// check that it shouts back.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { vus: 2, iterations: 4 };

export default function () {
  for (let i = 0; i < 10; i++) {
    const ws = new WebSocket(`${__ENV.URL}/shout`);
    ws.onopen = () => ws.send(`hello ${i}`);
    ws.onmessage = (e) => {
      check(e.data, { "shouted back": (d) => d === `HELLO ${i}` });
      ws.close();
    };
  }
}
