package ws_test

import (
	"fmt"
	"testing"

	. "github.com/onsi/gomega"
)

func TestServerCloseCodes(t *testing.T) {
	srv := newServer(t)
	cases := []struct {
		path string
		logs []string
	}{
		{"/close/1000", []string{"close 1000"}},
		{"/close/1001", []string{"close 1001"}},
		{"/close/4000", []string{`error ["code","text","error"] 4000 fixture close websocket: close 4000: fixture close false`, "close 4000"}},
		{"/close/1011", []string{`error ["code","text","error"] 1011 fixture close websocket: close 1011 (internal server error): fixture close false`, "close 1011"}},
		{"/close/1005", []string{`error ["code","text","error"] 1005  websocket: close 1005 (no status) false`, "close 1005"}},
		{"/drop", []string{`error ["code","text","error"] 1006 unexpected EOF websocket: close 1006 (abnormal closure): unexpected EOF false`, "close 1006"}},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, fmt.Sprintf(`
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + %q, function (socket) {
    socket.on("error", (e) => console.log("error " + JSON.stringify(Object.keys(e)) + " " + e.code + " " + e.text + " " + e.error() + " " + (e instanceof Error)));
    socket.on("close", (code) => console.log("close " + code));
  });
}
`, c.path))
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal(c.logs))
		})
	}
}

func TestClientCloseCodes(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  for (const args of [[], [1000], [4000.7], ["3001"], [70000], [4002, "reason"]]) {
    ws.connect(__ENV.URL + "/echo", function (socket) {
      socket.on("close", (c) => console.log("close " + c));
      socket.close(...args);
      socket.close(4999);
      console.log("after close() returned");
    });
  }
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	var want []string
	for _, c := range []int{1001, 1000, 4000, 3001, 70000, 4002} {
		want = append(want, fmt.Sprint("close ", c), "after close() returned")
	}
	g.Expect(infoLogs(res)).To(Equal(want))
	for i, code := range []int{1001, 1000, 4000, 3001, 4464, 4002} {
		g.Expect(serverClose(t, srv, i+1)).To(Equal(code))
		g.Expect(srv.Connections()[i].CloseReason).To(BeEmpty())
	}
}

func TestCloseInTheCallbackStillFiresOpen(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  const s = ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("close", (c) => console.log("close " + c));
    socket.on("open", () => { console.log("open"); socket.send("late"); });
    socket.on("error", (e) => console.log("error " + e.error() + " " + String(e)));
    socket.close();
    console.log("setup returns");
  });
  console.log("connect returned");
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"close 1001", "setup returns", "open",
		"error websocket: close sent websocket: close sent", "connect returned"}))
	// The failed write is still counted.
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(1))
}

func TestSocketStaysUsableAfterConnectReturns(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  let sock;
  ws.connect(__ENV.URL + "/echo", function (socket) {
    sock = socket;
    socket.on("error", (e) => console.log("error " + e.error()));
    socket.on("open", () => socket.close());
  });
  sock.send("after");
  sock.ping();
  console.log("done");
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"error websocket: close sent", "error websocket: close sent", "done"}))
}

func TestExceptionsCloseWith1001AndAreRethrown(t *testing.T) {
	srv := newServer(t)
	for i, where := range []string{
		`throw new Error("boom in callback");`,
		`socket.on("open", () => { throw new Error("boom in open"); });`,
		`socket.on("open", () => socket.send("x")); socket.on("message", () => { throw "a string"; });`,
		`socket.setTimeout(() => { throw new Error("boom in timer"); }, 5);`,
		`socket.setInterval(() => { throw new Error("boom in interval"); }, 5);`,
		`socket.on("open", () => socket.ping()); socket.on("pong", () => { throw new Error("boom in pong"); });`,
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, fmt.Sprintf(`
import ws from "k6/ws";
export default function () {
  try {
    ws.connect(__ENV.URL + "/echo", function (socket) {
      socket.on("close", (c) => console.log("close " + c));
      socket.on("open", () => console.log("open"));
      %s
    });
  } catch (e) {
    console.log("caught " + e);
  }
  console.log("iteration continues");
}
`, where))
			g.Expect(errorTexts(res)).To(BeEmpty())
			logs := infoLogs(res)
			g.Expect(logs[len(logs)-3]).To(Equal("close 1001"))
			g.Expect(logs[len(logs)-2]).To(MatchRegexp(`^caught (Error: boom in \w+|a string)$`))
			g.Expect(logs[len(logs)-1]).To(Equal("iteration continues"))
			g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(1))
		})
	}
	for i := range 6 {
		g := NewWithT(t)
		g.Expect(serverClose(t, srv, i+1)).To(Equal(1001))
	}
}

func TestUncaughtExceptionEndsTheIterationWithItsLocation(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("open", () => {
      throw new Error("boom");
    });
  });
  console.log("never");
}
`)
	g.Expect(infoLogs(res)).To(BeEmpty())
	g.Expect(res.Errors).To(HaveLen(1))
	g.Expect(res.Errors[0].Message).To(ContainSubstring("boom"))
	g.Expect(res.Errors[0].Error()).To(ContainSubstring("test.js:6"))
}

func TestThrowingCloseHandlerMakesCloseThrow(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("close", () => { throw new Error("close handler"); });
    socket.on("open", () => {
      try { socket.close(); } catch (e) { console.log("close() threw " + e.message); }
    });
    socket.on("open", () => console.log("open#2"));
  });
  console.log("connect returned");
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"close() threw close handler", "open#2", "connect returned"}))
}
