package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestConnectEchoRoundTrip(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  const res = ws.connect(__ENV.URL + "/echo?q=1", function (socket) {
    socket.on("open", () => socket.send("hello"));
    socket.on("message", (m) => { console.log("got " + m); socket.close(); });
    socket.on("close", (c) => console.log("close " + c));
  });
  console.log(JSON.stringify(Object.keys(res)), res.status, res.url === __ENV.URL + "/echo?q=1", res.error === "", res.body === "");
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"got hello", "close 1001", `["url","status","headers","body","error"] 101 true true true`}))
	g.Expect(eventTypes(res)).To(Equal("open,message,close"))
	g.Expect(res.Events[0].API).To(Equal("ws"))
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_msgs_received")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(1))
	g.Expect(serverClose(t, srv, 1)).To(Equal(1001))
}
