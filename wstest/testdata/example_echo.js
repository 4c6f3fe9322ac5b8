// Says hello to the echo route twice and checks what comes back; the
// second check is wrong on purpose, to show what a failing test reports.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { iterations: 2 };

export default function () {
  const ws = new WebSocket(`${__ENV.URL}/echo`);
  ws.onopen = () => ws.send("hello");
  ws.onmessage = (e) => {
    check(e.data, {
      "echoed back": (d) => d === "hello",
      "echoed in capitals": (d) => d === "HELLO",
    });
    ws.close();
  };
}
