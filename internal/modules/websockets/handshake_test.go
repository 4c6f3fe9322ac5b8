package websockets_test

import (
	"context"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

// lastRecord returns the server's record of the last connection.
func lastRecord(t testing.TB, srv *fixtures.Server) fixtures.ConnRecord {
	t.Helper()
	recs := srv.Connections()
	if len(recs) == 0 {
		t.Fatal("no connection recorded")
	}
	return recs[len(recs)-1]
}

// TestHeadersAndCookies: spec 2.4/2.5, params headers (canonicalised, a
// custom User-Agent), the default User-Agent, the explicit jar and the
// VU's default jar of k6/http, with ws URLs mapped to http for the jar.
func TestHeadersAndCookies(t *testing.T) {
	tests := []struct {
		name, src string
		check     func(g *WithT, rec fixtures.ConnRecord)
	}{
		{"headers", `new WebSocket(URL, null, { headers: { "x-lorem": "ipsum" } })`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("X-Lorem")).To(Equal("ipsum"))
			g.Expect(rec.Header.Get("User-Agent")).To(HavePrefix("wstest/"))
		}},
		{"user agent", `new WebSocket(URL, null, { headers: { "User-Agent": "mine" } })`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("User-Agent")).To(Equal("mine"))
		}},
		{"explicit jar", `(() => { const jar = new http.CookieJar(); jar.set(URL.replace("ws://", "http://"), "a", "1");
			jar.set("http://other.example/", "b", "2"); return new WebSocket(URL, null, { jar }); })()`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("Cookie")).To(Equal("a=1"))
		}},
		{"default jar", `(() => { http.cookieJar().set(URL, "c", "3"); return new WebSocket(URL); })()`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("Cookie")).To(Equal("c=3"))
		}},
		{"protocols array", `new WebSocket(URL, ["a", "b"])`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("Sec-WebSocket-Protocol")).To(Equal("a, b"))
		}},
		{"protocols number ignored", `new WebSocket(URL, 42)`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Values("Sec-WebSocket-Protocol")).To(BeEmpty())
		}},
		{"protocol header without protocols", `new WebSocket(URL, null, { headers: { "Sec-WebSocket-Protocol": "z" } })`, func(g *WithT, rec fixtures.ConnRecord) {
			g.Expect(rec.Header.Get("Sec-WebSocket-Protocol")).To(Equal("z"))
		}},
	}
	srv := newServer(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
import http from "k6/http";
const URL = __ENV.URL + "/echo";
export default function () {
  const ws = `+tc.src+`;
  ws.onopen = () => ws.close();
  ws.onerror = (e) => console.log("error", e.error);
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(BeEmpty())
			tc.check(g, lastRecord(t, srv))
		})
	}
}

// TestCookieJarAPI: k6/http's jar methods.
func TestCookieJarAPI(t *testing.T) {
	g := NewWithT(t)
	res := run(t, nil, `
import http from "k6/http";
export default function () {
  const jar = new http.CookieJar();
  jar.set("ws://example.com/a", "x", "1");
  jar.set("http://example.com/a", "y", "2");
  console.log(JSON.stringify(jar.cookiesForURL("http://example.com/a")));
  jar.delete("wss://example.com/a", "x");
  jar.delete("http://example.com/a", "x");
  console.log(JSON.stringify(jar.cookiesForURL("ws://example.com/a")));
  jar.clear("http://example.com/a");
  console.log(JSON.stringify(jar.cookiesForURL("http://example.com/a")));
  const d1 = http.cookieJar(), d2 = http.cookieJar();
  d1.set("http://example.com/", "z", "3");
  console.log(JSON.stringify(d2.cookiesForURL("http://example.com/")), jar instanceof http.CookieJar);
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`{"x":["1"],"y":["2"]}`, `{"y":["2"]}`, `{}`, `{"z":["3"]} true`,
	}))
}

// TestNegotiation: subprotocols (spec 2.3), compression (extensions) and
// wss through the VU's dialer with the fixture's CA trusted.
func TestNegotiation(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t, fixtures.WithSubprotocols("unsupported", "supported"), fixtures.WithCompression(true))
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo", ["one", "supported"], { compression: "deflate" });
  ws.onopen = () => { console.log(ws.protocol, JSON.stringify(ws.extensions)); ws.send("squeeze me"); };
  ws.onmessage = (e) => { console.log(e.data); ws.close(); };
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`supported ["permessage-deflate; server_no_context_takeover; client_no_context_takeover"]`, "squeeze me",
	}))
	g.Expect(res.Metric("ws_sessions").Sub(map[string]string{"subproto": "supported"}).Count()).To(BeEquivalentTo(1))

	tlsSrv := fixtures.NewTLSServer()
	t.Cleanup(tlsSrv.Close)
	script := wstest.Script{Name: "tls.js", Source: `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => ws.send("secure");
  ws.onmessage = (e) => { console.log(e.data); ws.close(); };
  ws.onerror = (e) => console.log("error", e.error);
}`}
	res, err := wstest.Run(context.Background(), script, wstest.WithEnv("URL", tlsSrv.URL), wstest.WithRootCAs(tlsSrv.CertPool()))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(infoLogs(res)).To(Equal([]string{"secure"}))

	res, err = wstest.Run(context.Background(), script, wstest.WithEnv("URL", tlsSrv.URL))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(infoLogs(res)).To(ConsistOf(ContainSubstring("error tls: failed to verify certificate")))
}
