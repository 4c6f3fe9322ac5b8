package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// TestMetricTags: spec 7 with DECISIONS 11 and 13: which samples a socket
// emits and the tags on each (url/name, custom name renaming url, status,
// subproto, group from construction, scenario, custom tags, error on a
// failed handshake).
func TestMetricTags(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
import { group } from "k6";
export default function () {
  group("g1", () => {
    const ws = new WebSocket(__ENV.URL + "/echo?x=1", null, { tags: { lorem: "ipsum", version: 13 } });
    ws.onopen = () => { ws.send("a"); ws.ping(); };
    ws.onpong = () => ws.close();
  });
  const named = new WebSocket(__ENV.URL + "/echo", null, { tags: { name: "custom" } });
  named.onopen = () => named.close();
  new WebSocket(__ENV.URL + "/status/404");
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	echo := srv.URL + "/echo?x=1"
	okTags := map[string]string{"url": echo, "name": echo, "status": "101", "subproto": "", "group": "::g1",
		"scenario": "default", "lorem": "ipsum", "version": "13"}
	for _, name := range []string{"ws_sessions", "ws_connecting", "ws_session_duration", "ws_msgs_sent", "ws_msgs_received", "ws_ping"} {
		m := res.Metric(name)
		g.Expect(m).NotTo(BeNil(), name)
		g.Expect(m.Sub(okTags).Count()).To(BeEquivalentTo(1), name)
	}
	custom := map[string]string{"url": "custom", "name": "custom", "status": "101", "group": ""}
	g.Expect(res.Metric("ws_sessions").Sub(custom).Count()).To(BeEquivalentTo(1))
	g.Expect(res.Metric("ws_session_duration").Sub(custom).Count()).To(BeEquivalentTo(1))

	failed := map[string]string{"url": srv.URL + "/status/404", "status": "404", "error": "websocket: bad handshake (HTTP 404)"}
	g.Expect(res.Metric("ws_sessions").Sub(failed).Count()).To(BeEquivalentTo(1))
	g.Expect(res.Metric("ws_connecting").Sub(failed).Count()).To(BeEquivalentTo(1))
	g.Expect(res.Metric("ws_session_duration").Sub(map[string]string{"status": "404"}).Count()).To(BeEquivalentTo(0))

	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(3))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(1)) // DECISIONS 13: no ping or close frames
	g.Expect(res.Metric("data_sent").Values()["count"]).To(BeNumerically(">", 0))
	g.Expect(res.Metric("data_received").Values()["count"]).To(BeNumerically(">", 0))
	for _, s := range res.Metric("ws_sessions").Samples {
		g.Expect(s.Tags).NotTo(HaveKey("ip"))
	}
}

// TestSystemTags: with systemTags limited to one tag, samples carry only
// that one (plus the scenario's own tags); ip appears only when enabled.
func TestSystemTags(t *testing.T) {
	srv := newServer(t)
	for _, tag := range []string{"url", "status", "subproto", "ip"} {
		t.Run(tag, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export const options = { systemTags: ["`+tag+`"] };
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => ws.close();
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			for _, s := range res.Metric("ws_sessions").Samples {
				g.Expect(s.Tags).To(HaveKey(tag))
				for k := range s.Tags {
					g.Expect(k).To(BeElementOf(tag, "group"))
				}
			}
		})
	}
}

// TestEventsRecorded: every dispatched event reaches Result.Events with
// its socket, iteration, data and close fields.
func TestEventsRecorded(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = () => { ws.send("t"); ws.send(new Uint8Array([1, 2])); };
  let n = 0;
  ws.onmessage = () => { if (++n === 2) ws.close(3000, "done"); };
  new WebSocket(__ENV.URL + "/status/403");
}`, wstest.WithIterations(2))
	g.Expect(errorTexts(res)).To(BeEmpty())
	var sockets = map[int64]bool{}
	for _, e := range res.Events {
		sockets[e.Socket] = true
		g.Expect(e.VU).To(BeEquivalentTo(1))
		if e.Type == "message" && e.Binary {
			g.Expect(e.Data).To(Equal("\x01\x02"))
		}
		if e.Type == "error" && e.Status != 0 {
			g.Expect(e.Status).To(Equal(403))
			g.Expect(e.Error).To(Equal("websocket: bad handshake (HTTP 403)"))
		}
		if e.Type == "close" && e.Code == 3000 {
			g.Expect(e.WasClean).To(BeTrue())
		}
	}
	g.Expect(sockets).To(HaveLen(4))
	// Sockets run concurrently: take the first echo socket, not the first event.
	var echo int64
	for _, e := range res.Events {
		if e.Type == "open" {
			echo = e.Socket
			break
		}
	}
	g.Expect(eventTypes(res, echo)).To(Equal("open,message,message,error,close"))
}
