package websockets_test

import (
	"testing"
	"time"

	. "github.com/onsi/gomega"
)

// TestCloseBadInput: close()'s validation texts (spec 4.2) and the no-op
// once CLOSING.
func TestCloseBadInput(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  const attempt = (label, f) => { try { f(); console.log(label, "ok", ws.readyState); } catch (e) { console.log(label, e.name, e.message, ws.readyState); } };
  ws.onopen = () => {
    attempt("1001", () => ws.close(1001));
    attempt("999", () => ws.close(999));
    attempt("2999", () => ws.close(2999));
    attempt("5000", () => ws.close(5000));
    attempt("long reason", () => ws.close(1000, "x".repeat(124)));
    attempt("long utf8 reason", () => ws.close(1000, "é".repeat(62)));
    attempt("abc", () => ws.close("abc", "x".repeat(123)));
    attempt("again invalid", () => ws.close(5));
  };
  ws.onclose = (e) => console.log("close", e.code, e.wasClean);
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	const access = "InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. "
	const syntax = "SyntaxError: Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes"
	g.Expect(infoLogs(res)).To(Equal([]string{
		"1001 GoError " + access + "1001 is neither 1",
		"999 GoError " + access + "999 is neither 1",
		"2999 GoError " + access + "2999 is neither 1",
		"5000 GoError " + access + "5000 is neither 1",
		"long reason GoError " + syntax + " 1",
		"long utf8 reason GoError " + syntax + " 1",
		"abc ok 2",
		"again invalid ok 2",
		"close 1000 true",
	}))
	// DECISIONS 13: the close frame is not a sent message.
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(0))
}

// TestCloseWhileConnecting: DECISIONS 7, close() while CONNECTING returns
// at once; error then close 1006 follow, for a slow, a refused and a
// working server.
func TestCloseWhileConnecting(t *testing.T) {
	srv := newServer(t)
	tests := []struct{ target, closeCall string }{
		{`__ENV.URL + "/slow?delay=10s"`, `ws.close(); console.log("returned", ws.readyState)`},
		{`__ENV.URL + "/slow?delay=10s"`, `setTimeout(() => { ws.close(); console.log("returned", ws.readyState); }, 300)`}, // after TCP connect, waiting for the response
		{`"ws://127.0.0.1:1/"`, `ws.close(); console.log("returned", ws.readyState)`},
		{`__ENV.URL + "/echo"`, `ws.close(); console.log("returned", ws.readyState)`},
	}
	for _, tc := range tests {
		t.Run(tc.target+" "+tc.closeCall, func(t *testing.T) {
			g := NewWithT(t)
			start := time.Now()
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(`+tc.target+`);
  `+tc.closeCall+`;

  ws.onopen = () => console.log("open");
  ws.onerror = (e) => console.log("error", e.error, ws.readyState);
  ws.onclose = (e) => console.log("close", e.code, e.wasClean, ws.readyState);
}`)
			g.Expect(time.Since(start)).To(BeNumerically("<", 5*time.Second))
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal([]string{
				"returned 2",
				"error WebSocket was closed before the connection was established 3",
				"close 1006 false 3",
			}))
		})
	}
}

// TestCloseTimeout: DECISIONS 8, a server that never answers the close
// frame is cut after closeTimeout and close fires with 1006.
func TestCloseTimeout(t *testing.T) {
	base := newHostileServer(t)
	for _, param := range []string{`200`, `"200ms"`} {
		t.Run(param, func(t *testing.T) {
			g := NewWithT(t)
			start := time.Now()
			res := run(t, nil, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("`+base+`/silent", null, {closeTimeout: `+param+`});
  ws.onopen = () => ws.close();
  ws.onerror = (e) => console.log("error", e.error);
  ws.onclose = (e) => console.log("close", e.code, e.wasClean);
}`)
			g.Expect(time.Since(start)).To(BeNumerically("<", 4*time.Second))
			g.Expect(infoLogs(res)).To(Equal([]string{
				"error websocket: closing handshake timed out after 200ms",
				"close 1006 false",
			}))
		})
	}
}

// TestHostileServers: invalid UTF-8, unsolicited pongs and invalid close
// codes end in error/close events with clear texts, and what arrived
// before is delivered.
func TestHostileServers(t *testing.T) {
	base := newHostileServer(t)
	tests := []struct {
		path string
		want []string
		warn string
	}{
		{"/badutf8", []string{"message ok", "error websocket: invalid UTF-8 in text message", "close 1006 false"}, ""},
		{"/pong", []string{"pong", "message after", "close 1000 true"}, "received pong for unknown ping ID zzz"},
		{"/badclose", []string{"error websocket: bad close code 999", "close 1006 false"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, nil, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("`+base+tc.path+`");
  ws.onpong = () => console.log("pong");
  ws.onmessage = (e) => { console.log("message", e.data); if (e.data === "after") ws.close(); };
  ws.onerror = (e) => console.log("error", e.error);
  ws.onclose = (e) => console.log("close", e.code, e.wasClean);
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal(tc.want))
			if tc.warn != "" {
				g.Expect(logs(res, "warning")).To(ContainElement(tc.warn))
			}
			g.Expect(count(res, "ws_ping")).To(BeEquivalentTo(0))
		})
	}
}

// TestStalledPeerDoesNotStallTheLoop: a server that stops reading makes
// send() keep the data (bufferedAmount stays up in later tasks) but never
// blocks the event loop: a timer still fires, and close() ends the socket
// after the close timeout.
func TestStalledPeerDoesNotStallTheLoop(t *testing.T) {
	g := NewWithT(t)
	base := newHostileServer(t)
	res := run(t, nil, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("`+base+`/stalled", null, {closeTimeout: "200ms"});
  const chunk = "x".repeat(64 * 1024);
  ws.onopen = () => {
    for (let i = 0; i < 512; i++) ws.send(chunk); // 32 MiB: more than the kernel buffers hold
    console.log("sent", ws.bufferedAmount);
    setTimeout(() => {
      console.log("held", ws.bufferedAmount > 0, ws.bufferedAmount <= 512 * chunk.length);
      ws.close();
    }, 50);
  };
  ws.onclose = (e) => console.log("close", e.code);
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"sent 33554432", "held true true", "close 1006"}))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(512))
}
