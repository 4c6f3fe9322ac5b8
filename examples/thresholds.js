// Holds a small echo load to service levels, stated as thresholds on the
// WebSocket metrics: the run fails (exit code 99) when one is missed.
import { check } from "k6";
import { WebSocket } from "k6/websockets";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";
const rounds = 10;

export const options = {
  vus: 4,
  iterations: 8,
  thresholds: {
    ws_connecting: ["p(95)<1000"],
    ws_session_duration: ["max<5000"],
    ws_sessions: ["count==8"],
    ws_msgs_sent: ["count==80"],
    ws_msgs_received: ["count==80"],
    checks: ["rate==1"],
  },
};

export default function () {
  const ws = new WebSocket(`${base}/echo`);
  let n = 0;
  ws.onopen = () => ws.send(`round ${n}`);
  ws.onmessage = (e) => {
    check(e.data, { "the round echoes": (d) => d === `round ${n}` });
    if (++n === rounds) {
      ws.close();
    } else {
      ws.send(`round ${n}`);
    }
  };
}
