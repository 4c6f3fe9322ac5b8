package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestFailedDialWithoutThrowReturnsAResponse(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  let ran = false;
  for (const u of [__ENV.URL + "/status/404", "ws://127.0.0.1:1/", "INVALID", "http://127.0.0.1/", undefined]) {
    const r = ws.connect(u, () => { ran = true; });
    console.log(JSON.stringify([r.url === u, r.url, r.status, r.body, r.error, Object.keys(r.headers).length > 0]));
  }
  console.log("callbackRan=" + ran);
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`[true,"` + srv.URL + `/status/404",404,"fixture status 404\n","websocket: bad handshake (HTTP 404)",true]`,
		`[false,"",0,"","dial tcp 127.0.0.1:1: connect: connection refused",false]`,
		`[false,"",0,"","malformed ws or wss URL",false]`,
		`[false,"",0,"","malformed ws or wss URL",false]`,
		`[false,"",0,"","malformed ws or wss URL",false]`,
		"callbackRan=false",
	}))
	// Session metrics are emitted for failed dials too.
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(5))
	g.Expect(count(res, "ws_connecting")).To(BeEquivalentTo(5))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(5))
	g.Expect(eventTypes(res)).To(Equal("error,error,error,error,error"))
	g.Expect(res.Events[0].Status).To(Equal(404))
	for _, l := range res.Logs {
		g.Expect(l.Level).To(Equal("info"), "nothing is logged: %v", l)
	}
}

func TestThrowOptionThrowsDialErrors(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export const options = { throw: true };
export default function () {
  for (const u of [__ENV.URL + "/status/503", "INVALID"]) {
    try { ws.connect(u, (s) => s.send("x")); console.log("no throw"); }
    catch (e) { console.log(String(e)); }
  }
}
`)
	g.Expect(infoLogs(res)).To(Equal([]string{
		"GoError: websocket: bad handshake (HTTP 503)",
		"GoError: malformed ws or wss URL",
	}))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(2))
}

func TestResponseOfASuccessfulConnect(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  const r = ws.connect(__ENV.URL + "/echo", (s) => s.close());
  console.log(r.status, typeof r.status, r.headers["Sec-Websocket-Accept"] !== undefined, r.headers["Upgrade"], r.json, r.timings);
  r.status = 7;
  console.log(r.status);
  try { r.extra = 1; console.log("added"); } catch (e) { console.log(e.name); }
  try { delete r.body; console.log("deleted"); } catch (e) { console.log(e.name); }
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"101 number true websocket undefined undefined", "7", "TypeError", "TypeError"}))
}
