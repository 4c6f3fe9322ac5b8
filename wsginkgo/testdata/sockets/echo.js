// Two iterations each say hello to the echo route and close on the answer.
import { WebSocket } from "k6/websockets";

export const options = { iterations: 2 };

export default function () {
  const ws = new WebSocket(`${__ENV.URL}/echo`);
  ws.onopen = () => ws.send("hello");
  ws.onmessage = () => ws.close();
}
