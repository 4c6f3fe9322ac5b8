// Sends 100 bytes to the echo route and logs how the socket ended.
import { WebSocket } from "k6/websockets";

export default function () {
  const ws = new WebSocket(`${__ENV.WSTEST_URL}/echo`);
  ws.onopen = () => ws.send("x".repeat(100));
  ws.onmessage = (e) => { console.log(`echoed ${e.data.length}`); ws.close(); };
  ws.onerror = (e) => console.log(`error ${e.error}`);
  ws.onclose = (e) => console.log(`closed ${e.code}`);
}
