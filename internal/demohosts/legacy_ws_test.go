package demohosts_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	. "github.com/wsk6/wstest/matchers"
)

// A k6/ws script in the shape of k6's documentation (connect, handlers,
// a socket timer, close) against wss://echo.websocket.org, offline.
func TestLegacyWSAgainstTheEchoHost(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 0.01, `
import ws from "k6/ws";
import { check } from "k6";
export default function () {
  const res = ws.connect("wss://echo.websocket.org", { tags: { my_tag: "hello" } }, (socket) => {
    socket.on("open", () => {
      socket.send("ping me back");
      socket.setInterval(() => socket.ping(), 1000);
    });
    socket.on("message", (data) => { if (data === "ping me back") socket.setTimeout(() => socket.close(), 3000); });
    socket.on("pong", () => console.log("pong"));
    socket.on("close", () => console.log("disconnected"));
  });
  check(res, { "status is 101": (r) => r && r.status === 101 });
}`)
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveCheck("status is 101", 1, 0))
	g.Expect(res).To(HaveEventsInOrder("open",
		HaveReceived("Request served by "+fixtures.EchoServerName),
		HaveReceived("ping me back"),
		"pong",
		"close",
	))
	g.Expect(res).To(HaveLogged("disconnected"))
	g.Expect(res).To(HaveSample("ws_sessions", map[string]string{"my_tag": "hello", "url": "wss://echo.websocket.org"}, 1))
}
