// Logs in over HTTP once in setup(), then every iteration opens a socket
// with the token and checks that the server hears it. LOGIN_URL is a login
// endpoint that answers {"token": "..."} to a form post of user and
// password; WSTEST_URL is the fixture server `wstest run` starts.
import { check } from "k6";
import http from "k6/http";
import { WebSocket } from "k6/websockets";

const login = __ENV.LOGIN_URL || "http://127.0.0.1:8081/login";
const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";

export const options = {
  vus: 2,
  iterations: 4,
  thresholds: { http_req_failed: ["rate==0"] },
};

export function setup() {
  const res = http.post(login, { user: "alice", password: "secret" });
  check(res, {
    "logged in": (r) => r.status === 200,
    "got a token": (r) => typeof r.json("token") === "string",
  });
  return { token: res.json("token") };
}

export default function (data) {
  const ws = new WebSocket(`${base}/echo?token=${encodeURIComponent(data.token)}`);
  ws.onopen = () => ws.send(JSON.stringify({ token: data.token, say: "hello" }));
  ws.onmessage = (e) => {
    check(JSON.parse(e.data), { "the token went through": (m) => m.token === data.token });
    ws.close();
  };
}
