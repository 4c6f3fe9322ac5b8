package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

// TestListeners: DECISIONS 1 and 4 and spec 3.4/4.4: on* first, then
// listeners in order, this is the socket, duplicates run once,
// removeEventListener, getters, and the argument errors.
func TestListeners(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
"use strict";
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  const attempt = (label, f) => { try { f(); console.log(label, "ok"); } catch (e) { console.log(label, e.name, e.message); } };
  function a(e) { console.log("a", this === ws, e.target === ws, e.type); }
  function b() { console.log("b"); ws.removeEventListener("open", c); }
  function c() { console.log("c"); }
  ws.addEventListener("open", a);
  ws.addEventListener("open", a);
  ws.addEventListener("open", b);
  ws.addEventListener("open", c);
  ws.onopen = function () { console.log("onopen", this === ws); };
  const first = () => console.log("first onclose");
  ws.onclose = first;
  console.log(ws.onclose === first, ws.onmessage);
  ws.onclose = null;
  console.log(ws.onclose);
  ws.onclose = (e) => console.log("onclose", e.code);
  ws.addEventListener("close", function () { console.log("close listener", this === ws); });
  const gone = () => console.log("removed listener ran");
  ws.addEventListener("message", gone);
  ws.removeEventListener("message", gone);
  ws.addEventListener("message", () => ws.close());
  attempt("undefined handler", () => ws.addEventListener("open", undefined));
  attempt("no args", () => ws.addEventListener());
  attempt("number handler", () => ws.addEventListener("open", 1));
  attempt("onclose number", () => { ws.onclose = 1; });
  attempt("unknown type", () => ws.addEventListener("bogus", () => {}));
  ws.addEventListener("open", () => ws.send("x"));
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		"true null",
		"null",
		`undefined handler GoError handler for event type "open" isn't a callable function`,
		`no args GoError handler for event type "" isn't a callable function`,
		`number handler TypeError handler for event type "open" isn't a callable function`,
		"onclose number GoError a value for 'onclose' should be callable",
		"unknown type ok",
		"onopen true",
		"a true true open",
		"b",
		"onclose 1000",
		"close listener true",
	}))
	g.Expect(logs(res, "warning")).To(ContainElement("can't add event handler: unknown event type: bogus"))
}

// TestListenerExceptions: spec 5.3 and 8.2, an exception in a listener
// ends the iteration with that exception at its script position; in open
// and message listeners it also closes the socket at once (error + close).
func TestListenerExceptions(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, setup string
		logs        []string
		line        int
	}{
		{"open", `ws.onopen = () => { throw new Error("in open"); };`,
			[]string{"error Error: in open at test.js:6:29(3)", "close 1006 false"}, 6},
		{"message", `ws.onopen = () => ws.send("x");
  ws.addEventListener("message", () => { throw new Error("in message"); });
  ws.addEventListener("message", () => console.log("skipped"));`,
			[]string{"error Error: in message at test.js:7:48(3)", "close 1006 false"}, 7},
		{"error", `ws.onerror = () => { throw new Error("in error"); };`, nil, 6},
		{"close", `ws.onopen = () => ws.close(); ws.addEventListener("close", () => { throw new Error("in close"); });`, nil, 6},
		{"pong", `ws.onopen = () => ws.ping(); ws.onpong = () => { throw new Error("in pong"); };`, nil, 6},
		{"reference error", `ws.onopen = () => { notDefined(); };`,
			[]string{"error ReferenceError: notDefined is not defined at test.js:6:23(2)", "close 1006 false"}, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			target := "/echo"
			if tc.name == "error" {
				target = "/status/404"
			}
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "`+target+`");
  ws.addEventListener("error", (e) => console.log("error", e.error));
  `+tc.setup+`
  ws.addEventListener("close", (e) => console.log("close", e.code, e.wasClean));
}`)
			g.Expect(res.Errors).To(HaveLen(1))
			want := "in " + tc.name
			if tc.name == "reference error" {
				want = "notDefined is not defined"
			}
			g.Expect(res.Errors[0].Message).To(ContainSubstring(want))
			g.Expect(res.Errors[0].File).To(Equal("test.js"))
			g.Expect(res.Errors[0].Line).To(Equal(tc.line))
			if tc.logs != nil {
				g.Expect(infoLogs(res)).To(Equal(tc.logs))
			}
		})
	}
}
