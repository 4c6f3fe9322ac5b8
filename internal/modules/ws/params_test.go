package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// runHeaders runs src with __ENV.URL set to a header server.
func runHeaders(t *testing.T, src string, opts ...wstest.Option) *wstest.Result {
	t.Helper()
	return scripttest.Run(t, src, append([]wstest.Option{wstest.WithEnv("URL", newHeaderServer(t))}, opts...)...)
}

func TestHeadersUserAgentAndResponseHeaders(t *testing.T) {
	g := NewWithT(t)
	res := runHeaders(t, `
import ws from "k6/ws";
export const options = { userAgent: "my-agent/1" };
export default function () {
  const show = (r) => console.log(JSON.stringify([r.headers["X-Got-User-Agent"], r.headers["X-Got-Custom"], r.headers["X-Got-Host"],
    r.headers["X-Multi"], r.headers["Set-Cookie"], r.headers["X-Lower-Raw"], r.headers["x-lower-raw"]]));
  show(ws.connect(__ENV.URL, (s) => s.close()));
  show(ws.connect(__ENV.URL, { headers: { "User-Agent": "override", "x-custom": 42, "X-CUSTOM": ["a", "b"], Host: "example.test" } }, (s) => s.close()));
  console.log(ws.connect(__ENV.URL, { headers: { Upgrade: "x" } }, (s) => s.close()).error);
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	logs := infoLogs(res)
	g.Expect(logs).To(HaveLen(3))
	g.Expect(logs[0]).To(MatchRegexp(`^\["my-agent/1","","127\.0\.0\.1:\d+","a, b","c1=v1; Path=/, c2=v2; Path=/","raw",null\]$`))
	g.Expect(logs[1]).To(Equal(`["override","a,b","example.test","a, b","c1=v1; Path=/, c2=v2; Path=/","raw",null]`))
	g.Expect(logs[2]).To(Equal("websocket: duplicate header not allowed: Upgrade"))
}

func TestEmptyUserAgentSendsNone(t *testing.T) {
	g := NewWithT(t)
	res := runHeaders(t, `
import ws from "k6/ws";
export const options = { userAgent: "" };
export default function () {
  console.log(ws.connect(__ENV.URL, (s) => s.close()).headers["X-Got-User-Agent"]);
}
`)
	g.Expect(infoLogs(res)).To(Equal([]string{"<none>"}))
}

func TestCookiesFromTheJarAndIntoIt(t *testing.T) {
	g := NewWithT(t)
	res := runHeaders(t, `
import ws from "k6/ws";
import http from "k6/http";
export default function () {
  const r1 = ws.connect(__ENV.URL, (s) => s.close());
  console.log("first: " + JSON.stringify(r1.headers["X-Got-Cookie"]));
  const jar = http.cookieJar();
  const kept = jar.cookiesForURL(__ENV.URL.replace("ws", "http"));
  console.log("kept: " + JSON.stringify(kept));
  const r2 = ws.connect(__ENV.URL, (s) => s.close());
  console.log("second: " + r2.headers["X-Got-Cookie"]);
  const r3 = ws.connect(__ENV.URL, { headers: { Cookie: "mine=1" } }, (s) => s.close());
  console.log("explicit: " + r3.headers["X-Got-Cookie"]);
  const own = new http.CookieJar();
  own.set(__ENV.URL.replace("ws", "http"), "own", "yes");
  const r4 = ws.connect(__ENV.URL, { jar: own }, (s) => s.close());
  console.log("own jar: " + r4.headers["X-Got-Cookie"]);
  const r5 = ws.connect(__ENV.URL, { cookies: { x: "y" }, jar: {} }, (s) => s.close());
  console.log("ignored: " + r5.headers["X-Got-Cookie"]);
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`first: ""`,
		`kept: {"c1":["v1"],"c2":["v2"]}`,
		"second: c1=v1; c2=v2",
		"explicit: mine=1",
		"own jar: own=yes",
		"ignored: c1=v1; c2=v2",
	}))
}

func TestSubprotocolAndCompression(t *testing.T) {
	g := NewWithT(t)
	res := runHeaders(t, `
import ws from "k6/ws";
export const options = { systemTags: ["subproto", "status", "url"] };
export default function () {
  const r = ws.connect(__ENV.URL, { headers: { "Sec-WebSocket-Protocol": "chat, superchat" }, compression: "deflate" }, function (s) {
    s.on("open", () => s.send("x".repeat(1000)));
    s.on("message", (m) => { console.log("echo " + m.length); s.close(); });
  });
  console.log(r.headers["Sec-Websocket-Protocol"] + " | " + r.headers["Sec-Websocket-Extensions"]);
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"echo 1000",
		"chat | permessage-deflate; server_no_context_takeover; client_no_context_takeover"}))
	g.Expect(res.Metric("ws_sessions").Samples[0].Tags).To(HaveKeyWithValue("subproto", "chat"))
}

func TestWSSWithInsecureSkipTLSVerify(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewTLSServer()
	t.Cleanup(srv.Close)
	src := `
import ws from "k6/ws";
export default function () {
  const r = ws.connect(__ENV.URL + "/echo", (s) => s.close());
  console.log(r.status + " " + r.error);
}
`
	res := scripttest.Run(t, src, wstest.WithEnv("URL", srv.URL))
	g.Expect(infoLogs(res)).To(Equal([]string{"0 tls: failed to verify certificate: x509: certificate signed by unknown authority"}))
	res = scripttest.Run(t, src, wstest.WithEnv("URL", srv.URL), wstest.WithInsecureSkipTLSVerify())
	g.Expect(infoLogs(res)).To(Equal([]string{"101 "}))
	res = scripttest.Run(t, src, wstest.WithEnv("URL", srv.URL), wstest.WithRootCAs(srv.CertPool()))
	g.Expect(infoLogs(res)).To(Equal([]string{"101 "}))
}
