package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

// TestEventObjects: spec 5.1 with DECISIONS 2 and 11: each kind's
// properties in order, timestamp in epoch milliseconds, target is the
// socket, binary data is one value per event, k6's fields are read-only
// (a TypeError in strict code) while the script may add its own.
func TestEventObjects(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
"use strict";
import { WebSocket } from "k6/websockets";
export default function () {
  const before = Date.now();
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = (e) => {
    console.log("open", Object.keys(e).join(","), e.target === ws, e.timestamp >= before && e.timestamp <= Date.now() + 1);
    ws.send("hi");
  };
  let n = 0;
  ws.onmessage = (e) => {
    if (n++ === 0) {
      console.log("message", Object.keys(e).join(","), e.data, e.origin === ws.url, "data" in e, "nope" in e);
      try { e.data = "changed"; } catch (err) { console.log(err.name, e.data); }
      e.mine = 1;
      console.log("added", Object.keys(e).join(","), e.mine, JSON.stringify({ data: e.data, mine: e.mine }));
      delete e.mine;
      console.log("deleted", "mine" in e, e.hasOwnProperty("data"));
      ws.send(new Uint8Array([1, 2]));
      return;
    }
    console.log("binary", e.data === e.data, new Uint8Array(e.data).join(","));
    ws.close(3001, "bye");
  };
  ws.onclose = (e) => console.log("close", Object.keys(e).join(","), e.code, e.reason, e.wasClean, typeof e.timestamp);
  const bad = new WebSocket(__ENV.URL + "/status/403");
  bad.onerror = (e) => console.log("error", Object.keys(e).join(","), e.status, e.error);
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(ConsistOf(
		"open type,target,timestamp true true",
		"message type,target,timestamp,data,origin hi true true false",
		"TypeError hi",
		`added type,target,timestamp,data,origin,mine 1 {"data":"hi","mine":1}`,
		"deleted false true",
		"binary true 1,2",
		"close type,target,timestamp,code,reason,wasClean 3001  true number", /* the echo answers with the code only */
		"error type,target,timestamp,error,status 403 websocket: bad handshake (HTTP 403)",
	))
}
