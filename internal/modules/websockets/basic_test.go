package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestBasicEcho(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  console.log("state0", ws.readyState);
  ws.onopen = () => { console.log("open", ws.readyState); ws.send("hello"); };
  ws.onmessage = (e) => { console.log("msg", e.data, e.origin === ws.url); ws.close(); };
  ws.onclose = (e) => { console.log("close", e.code, e.reason, e.wasClean, ws.readyState); };
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"state0 0", "open 1", "msg hello true", "close 1000  true 3"}))
	g.Expect(eventTypes(res, 0)).To(Equal("open,message,close"))
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_msgs_received")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(1))
}
