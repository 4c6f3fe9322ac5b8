package wstest_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// sourceServer answers every HTTP request, and the first message of every
// WebSocket on /ws, with the address the connection came from.
func sourceServer(t *testing.T) *httptest.Server {
	t.Helper()
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		if r.URL.Path != "/ws" {
			_, _ = w.Write([]byte(ip))
			return
		}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		_ = c.WriteMessage(websocket.TextMessage, []byte(ip))
		_, _, _ = c.ReadMessage() // until the client closes
	}))
	t.Cleanup(srv.Close)
	return srv
}

// localIPs: each VU's HTTP and WebSocket (both modules) connections come
// from its address of the pool, VU 1 the first, wrapping round; setup
// (VU 0) uses the first too.
func TestLocalIPsBindEachVU(t *testing.T) {
	g := NewWithT(t)
	srv := sourceServer(t)
	res := scripttest.Run(t, `
import http from "k6/http";
import ws from "k6/ws";
import { WebSocket } from "k6/websockets";
export const options = {
  localIPs: "127.0.0.2-127.0.0.3",
  scenarios: { s: { executor: "per-vu-iterations", vus: 3, iterations: 1 } },
};
export function setup() { console.log("setup http " + http.get(__ENV.URL).body); }
export default function () {
  console.log("http " + http.get(__ENV.URL).body);
  ws.connect(__ENV.WS, null, (s) => s.on("message", (m) => { console.log("k6/ws " + m); s.close(); }));
  const sock = new WebSocket(__ENV.WS);
  sock.onmessage = (e) => { console.log("websockets " + e.data); sock.close(); };
}`, wstest.WithEnv("URL", srv.URL), wstest.WithEnv("WS", "ws"+strings.TrimPrefix(srv.URL, "http")+"/ws"))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("setup http 127.0.0.2").ForVU(0))
	for vu, ip := range map[int64]string{1: "127.0.0.2", 2: "127.0.0.3", 3: "127.0.0.2"} {
		for _, via := range []string{"http", "k6/ws", "websockets"} {
			g.Expect(res).To(HaveLogged(via+" "+ip).ForVU(vu), "VU %d %s", vu, via)
		}
	}
}

// rps limits the k6/http requests of all VUs together: 8 requests at 20
// a second take at least 7/20 s, however many VUs send them.
func TestRPSLimitsHTTPAcrossVUs(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	start := time.Now()
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { rps: 20, scenarios: { s: { executor: "per-vu-iterations", vus: 2, iterations: 1 } } };
export default function () { for (let i = 0; i < 4; i++) http.get(__ENV.URL); }`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveMetric("http_reqs", Equal(8)))
	g.Expect(time.Since(start)).To(BeNumerically(">=", 7*time.Second/20))
}

// WebSockets are not limited by rps (k6 waits on it in k6/http only):
// five sessions under rps 1 would otherwise take at least four seconds.
func TestRPSLeavesWebSocketsAlone(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	start := time.Now()
	res := scripttest.Run(t, `
import { WebSocket } from "k6/websockets";
export const options = { rps: 1, iterations: 5 };
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => ws.send("hi");
  ws.onmessage = () => ws.close();
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveMetric("ws_sessions", Equal(5)))
	g.Expect(time.Since(start)).To(BeNumerically("<", 3*time.Second))
}

// httpDebug logs each request and response as k6 does: "Request:" and
// "Response:" dumps with \n line ends, at info level, source http-debug;
// bodies only with "full".
func TestHTTPDebug(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Probe", "yes")
		_, _ = w.Write([]byte("pong"))
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	for _, mode := range []string{"full", "headers"} {
		t.Run(mode, func(t *testing.T) {
			g := NewWithT(t)
			res := scripttest.Run(t, `
import http from "k6/http";
export const options = { httpDebug: "`+mode+`", userAgent: "probe/1" };
export default function () { http.post(__ENV.URL + "/p", "ping"); }`, wstest.WithEnv("URL", srv.URL))
			g.Expect(res).To(HaveNoErrors())
			var dumps []wstest.LogEntry
			for _, l := range res.Logs {
				if l.Source == "http-debug" {
					dumps = append(dumps, l)
				}
			}
			g.Expect(dumps).To(HaveLen(2))
			g.Expect(dumps[0].Level).To(Equal("info"))
			g.Expect(dumps[0].VU).To(Equal(int64(1)))
			req := "Request:\nPOST /p HTTP/1.1\nHost: " + host + "\nUser-Agent: probe/1\nContent-Length: 4\n"
			g.Expect(dumps[0].Message).To(HavePrefix(req))
			g.Expect(dumps[1].Message).To(And(HavePrefix("Response:\nHTTP/1.1 200 OK\n"), ContainSubstring("\nX-Probe: yes\n")))
			g.Expect(dumps[0].Message + dumps[1].Message).NotTo(ContainSubstring("\r"))
			if mode == "full" {
				g.Expect(dumps[0].Message).To(HaveSuffix("\n\nping\n"))
				g.Expect(dumps[1].Message).To(HaveSuffix("\n\npong\n"))
			} else {
				g.Expect(dumps[0].Message).To(HaveSuffix("\n\n\n"))
				g.Expect(dumps[1].Message).To(HaveSuffix("\n\n\n"))
			}
		})
	}
}

// The dns option applies to every dial: localhost resolves to its IPv4
// address by default; onlyIPv6 keeps none of an IPv4-only name.
func TestDNSPolicyAppliesToDials(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "ws://"))
	src := `
import http from "k6/http";
import { WebSocket } from "k6/websockets";
export const options = { dns: DNS };
export default function () {
  const res = http.get("http://localhost:" + __ENV.PORT + "/");
  console.log(res.status > 0 ? "http reached" : "http " + res.error);
  const ws = new WebSocket("ws://localhost:" + __ENV.PORT + "/echo");
  ws.onopen = () => { console.log("open"); ws.close(); };
  ws.onerror = (e) => console.log("ws " + e.error);
}`
	res := scripttest.Run(t, strings.Replace(src, "DNS", `{ ttl: "inf", select: "first" }`, 1), wstest.WithEnv("PORT", port))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("http reached"))
	g.Expect(res).To(HaveLogged("open"))

	ips, err := net.LookupIP("localhost")
	g.Expect(err).NotTo(HaveOccurred())
	for _, ip := range ips {
		if ip.To4() == nil {
			t.Skip("localhost has an IPv6 address here")
		}
	}
	res = scripttest.Run(t, strings.Replace(src, "DNS", `{ policy: "onlyIPv6" }`, 1), wstest.WithEnv("PORT", port))
	g.Expect(res).To(HaveLogged(And(HavePrefix("http "), ContainSubstring("lookup localhost: no such host"))))
	g.Expect(res).To(HaveLogged(And(HavePrefix("ws "), ContainSubstring("lookup localhost: no such host"))))
}

func TestABadDNSOptionIsAConfigError(t *testing.T) {
	g := NewWithT(t)
	_, err := scripttest.RunErr(t, `export const options = { dns: { select: "last" } }; export default function () {}`)
	var ce *wstest.ConfigError
	g.Expect(err).To(BeAssignableToTypeOf(ce))
	g.Expect(err).To(MatchError(ContainSubstring(`dns: invalid select "last": use one of first, random, roundRobin`)))
	g.Expect(wstest.ExitCode(nil, err)).To(Equal(wstest.ExitInvalidConfig))
}
