// A crocochat chat session, the way the k6 documentation demonstrates
// WebSockets: every VU opens several sockets to one chat room; each socket
// names itself, talks on a timer and leaves when its session is over.
//
// Against the real demo server:
//   k6 run examples/chat.js
// Against the in-process fixture, 100 times faster:
//   go run ./cmd/wstest run --fixture-host test-api.k6.io --time-scale 0.01 examples/chat.js
import { check } from "k6";
import { WebSocket } from "k6/experimental/websockets";
import { setTimeout, clearTimeout, setInterval, clearInterval } from "k6/timers";
import { randomIntBetween, randomString } from "https://jslib.k6.io/k6-utils/1.1.0/index.js";

const sessionMillis = 4000;
const socketsPerVU = 4;

export const options = {
  vus: 2,
  iterations: 2,
};

export default function () {
  // One room per VU keeps the conversations apart.
  const room = `lounge_${__VU}`;
  for (let i = 0; i < socketsPerVU; i++) {
    chatter(room, i);
  }
}

function chatter(room, id) {
  const ws = new WebSocket(`wss://test-api.k6.io/ws/crocochat/${room}/`);
  const name = `croc_${__VU}_${id}_${randomString(4)}`;
  let talking = null;
  let leaving = null;

  ws.addEventListener("open", () => {
    ws.send(JSON.stringify({ event: "SET_NAME", new_name: name }));

    talking = setInterval(() => {
      ws.send(JSON.stringify({ event: "SAY", message: `${name} thinks of ${randomString(6)}` }));
    }, randomIntBetween(400, 900));

    leaving = setTimeout(() => {
      ws.send(JSON.stringify({ event: "LEAVE" }));
    }, sessionMillis + randomIntBetween(0, 1000));
  });

  ws.addEventListener("message", (e) => {
    const msg = JSON.parse(e.data);
    if (msg.event === "USER_JOINED" && msg.user === "anonymous") {
      console.log(`${room}: someone new arrived`);
    } else if (msg.event === "LEAVE") {
      // The room tells the others; the leaver itself only sees the close.
      console.log(`${msg.user} said goodbye`);
    }
  });

  ws.addEventListener("close", (e) => {
    // The timers must not outlive the socket, or the iteration never ends.
    clearInterval(talking);
    clearTimeout(leaving);
    check(e, { "the room let us go": (ev) => ev.code === 3000 });
  });
}
