package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestHardStopSends1001AndRunsNoJS(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export const options = { scenarios: { s: { executor: "constant-vus", vus: 1, duration: "200ms", gracefulStop: "0s" } } };
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("close", () => console.log("close handler"));
    socket.setInterval(() => socket.send("tick"), 10);
  });
  console.log("after connect");
}
`)
	g.Expect(infoLogs(res)).To(BeEmpty())
	g.Expect(serverClose(t, srv, 1)).To(Equal(1001))
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_session_duration")).To(BeZero())
	g.Expect(count(res, "ws_msgs_sent")).To(BeNumerically(">", 0))
}

func TestHardStopCutsAPendingHandshake(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export const options = { scenarios: { s: { executor: "constant-vus", vus: 1, duration: "200ms", gracefulStop: "0s" } } };
export default function () {
  const r = ws.connect(__ENV.URL + "/slow?delay=30s", () => console.log("callback"));
  console.log("after connect " + JSON.stringify(r));
}
`)
	g.Expect(infoLogs(res)).To(BeEmpty())
	g.Expect(res.Duration).To(BeNumerically("<", 10e9))
}
