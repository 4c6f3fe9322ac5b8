// Shares test users between VUs, and sends each echo a message signed
// with the user's key: a base64 credential, an HMAC-SHA256 signature and a
// random id. The check verifies what comes back as a server would.
// WSTEST_URL is set by `wstest run` to its fixture server.
import { check } from "k6";
import { SharedArray } from "k6/data";
import encoding from "k6/encoding";
import crypto from "k6/crypto";
import { WebSocket } from "k6/websockets";

const base = __ENV.WSTEST_URL || "ws://127.0.0.1:8080";

// Read and parsed once per run, whatever the number of VUs.
const users = new SharedArray("users", () => JSON.parse(open("./data/users.json")));

export const options = { vus: 3, iterations: 9 };

function sign(user, body) {
  return crypto.hmac("sha256", user.key, body, "hex");
}

export default function () {
  const user = users[(__VU - 1) % users.length];
  const body = JSON.stringify({ id: globalThis.crypto.randomUUID(), from: user.name, text: "hello" });
  const envelope = {
    credential: encoding.b64encode(`${user.name}:${user.password}`),
    signature: sign(user, body),
    body,
  };

  const ws = new WebSocket(`${base}/echo`);
  ws.onopen = () => ws.send(JSON.stringify(envelope));
  ws.onmessage = (e) => {
    const got = JSON.parse(e.data);
    const [name, password] = encoding.b64decode(got.credential, "std", "s").split(":");
    const sender = users.find((u) => u.name === name);
    check(got, {
      "the credential names a known user": () => sender !== undefined && sender.password === password,
      "the signature matches the body": () => sign(sender, got.body) === got.signature,
      "the id is a UUID v4": () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(JSON.parse(got.body).id),
      "the body is 48 bytes or more in UTF-8": () => new TextEncoder().encode(got.body).length >= 48,
    });
    ws.close();
  };
  ws.onerror = (e) => console.error(`echo failed: ${e.error}`);
}
