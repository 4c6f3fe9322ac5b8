package ws_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/modules/modulestest"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// script logs what the socket sees of a raw server.
const rawScript = `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL, function (socket) {
    socket.on("message", (m) => console.log("message " + JSON.stringify(m)));
    socket.on("pong", () => console.log("pong"));
    socket.on("error", (e) => console.log("error " + e.error()));
    socket.on("close", (c) => console.log("close " + c));
    socket.setTimeout(() => socket.close(1000), 300);
  });
}
`

func TestRawServerBehaviours(t *testing.T) {
	cases := []struct {
		name  string
		raw   []byte
		after string
		logs  []string
	}{
		// k6 delivers U+FFFD; wstest fails the connection (DECISIONS 14).
		{"invalid UTF-8 fails the connection", []byte{0x81, 0x03, 'a', 0xff, 'b'}, "", []string{"error websocket: invalid UTF-8 in text message", "close 1006"}},
		{"unsolicited pong", []byte{0x8a, 0x01, 'z'}, "", []string{"pong", "close 1000"}},
		{"protocol violation", []byte{0x83, 0x00}, "", []string{"error websocket: close sent", "close 1001"}},
		{"reset", nil, "reset", []string{"close 1001"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := NewWithT(t)
			res := scripttest.Run(t, rawScript, wstest.WithEnv("URL", newRawServer(t, c.raw, c.after)))
			g.Expect(errorTexts(res)).To(BeEmpty())
			logs := infoLogs(res)
			if c.after == "reset" && len(logs) == 2 {
				// The close-frame write can fail on the reset connection.
				g.Expect(logs[0]).To(HavePrefix("error "))
				logs = logs[1:]
			}
			g.Expect(logs).To(Equal(c.logs))
		})
	}
}

func TestConnectInSetupAndTeardownAndNested(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
const once = (tag) => ws.connect(__ENV.URL + "/echo", (s) => s.close()).status + " " + tag;
export function setup() { console.log(once("setup")); }
export function teardown() { console.log(once("teardown")); }
export default function () {
  ws.connect(__ENV.URL + "/echo", function (outer) {
    outer.on("open", () => {
      console.log(once("nested"));
      outer.close();
    });
    outer.on("close", () => console.log("outer closed"));
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"101 setup", "101 nested", "outer closed", "101 teardown"}))
}

func TestAbortInAHandlerSends1001AndRunsNoCloseHandler(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res, err := scripttest.RunErr(t, `
import ws from "k6/ws";
import exec from "k6/execution";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("close", () => console.log("close handler"));
    socket.on("open", () => exec.test.abort("enough"));
  });
  console.log("after connect");
}
`, wstest.WithEnv("URL", srv.URL))
	g.Expect(err).To(HaveOccurred())
	g.Expect(infoLogs(res)).To(BeEmpty())
	g.Expect(serverClose(t, srv, 1)).To(Equal(1001))
}

func TestChecksAndFailInHandlers(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
import { check, fail } from "k6";
export default function () {
  try {
    ws.connect(__ENV.URL + "/echo", function (socket) {
      socket.on("open", () => socket.send("x"));
      socket.on("message", (m) => { check(m, { "echoed": (v) => v === "x" }); fail("stop here"); });
      socket.on("close", (c) => console.log("close " + c));
    });
  } catch (e) { console.log("caught " + e.message); }
}
`)
	g.Expect(infoLogs(res)).To(Equal([]string{"close 1001", "caught stop here"}))
	g.Expect(res.Checks).NotTo(BeEmpty())
}

func TestEventsThroughModulestest(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	v := modulestest.New(t, modulestest.WithEnv("URL", srv.URL))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := v.Run(ctx, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.on("open", () => socket.send("hi"));
    socket.on("message", () => socket.close(1000));
  });
}
`)
	g.Expect(err).NotTo(HaveOccurred())
	events := v.Events()
	g.Expect(events).To(HaveLen(3))
	for _, e := range events {
		g.Expect(e.API).To(Equal("ws"))
		g.Expect(e.Socket).To(BeEquivalentTo(1))
		g.Expect(e.URL).To(Equal(srv.URL + "/echo"))
	}
	g.Expect(events[1].Data).To(Equal("hi"))
	g.Expect(events[2].Code).To(Equal(1000))
	g.Expect(v.Metric("ws_sessions").Count()).To(BeEquivalentTo(1))
}
