package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestHandlersRunInOrderWithThisUndefined(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    console.log(typeof socket, JSON.stringify(Object.keys(socket).sort()));
    console.log(socket.on("bogus", () => console.log("never")), socket.url, socket.readyState);
    socket.on("open", function () { console.log("open#1", this === undefined); });
    socket.on("open", 5);
    socket.on("open", null);
    socket.on("Open", () => console.log("never"));
    socket.on("open", () => { console.log("open#2"); socket.send("a"); });
    socket.on("message", (m) => { console.log("message#1 " + m); });
    socket.on("message", (m) => { console.log("message#2 " + m); socket.close(); });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`object ["close","on","ping","send","sendBinary","setInterval","setTimeout"]`,
		"undefined undefined undefined",
		"open#1 true", "open#2", "message#1 a", "message#2 a",
	}))
}

func TestBinaryMessagesGoToBinaryMessageHandlers(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("open", () => { socket.send("text"); socket.sendBinary(new Uint8Array([104, 105]).buffer); });
    socket.on("message", (m) => console.log("text " + m));
    socket.on("binaryMessage", (b) => {
      console.log("binary " + (b instanceof ArrayBuffer) + " " + Array.from(new Uint8Array(b)).join(","));
      socket.close();
    });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"text text", "binary true 104,105"}))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(2))
	g.Expect(count(res, "ws_msgs_received")).To(BeEquivalentTo(2))
	g.Expect(res.Events[2].Binary).To(BeTrue())
	g.Expect(res.Events[2].Data).To(Equal("hi"))
}

func TestServerPingsArePongedAndFirePing(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  let n = 0;
  ws.connect(__ENV.URL + "/ping?every=10ms", function (socket) {
    socket.on("ping", function () { console.log("ping " + arguments.length); if (++n === 2) socket.close(1000); });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"ping 0", "ping 0"}))
	serverClose(t, srv, 1)
	var pongs int
	for _, f := range srv.Connections()[0].Frames {
		if f.Opcode == 10 {
			pongs++
		}
	}
	g.Expect(pongs).To(BeNumerically(">=", 2))
}

func TestPingMeasuresTheRoundTrip(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("open", () => socket.ping());
    socket.on("pong", function () { console.log("pong#1 " + arguments.length); });
    socket.on("pong", () => { console.log("pong#2"); socket.close(); });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"pong#1 0", "pong#2"}))
	g.Expect(count(res, "ws_ping")).To(BeEquivalentTo(1))
	g.Expect(count(res, "ws_msgs_sent")).To(BeZero())
	g.Expect(eventTypes(res)).To(Equal("open,pong,close"))
}
