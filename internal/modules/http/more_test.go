package http_test

import (
	"compress/gzip"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
)

func TestCookieJarMethodsAndTheSharedWebSocketJar(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	ws := fixtures.NewServer()
	defer ws.Close()
	v, err := run(t, srv.URL, `
import http from "k6/http";
import { WebSocket } from "k6/websockets";
export default function () {
  const jar = http.cookieJar();
  console.log(jar.set(__ENV.URL, "k", "v", { Path: "/" }));
  try { jar.set(__ENV.URL, "k", "v", { expires: "tomorrow" }); } catch (e) { console.log(e.message); }
  try { jar.delete(__ENV.URL, ""); } catch (e) { console.log(e.message); }
  try { jar.cookiesForURL("::bad"); } catch (e) { console.log("caught", e.name); }
  http.get(__ENV.URL + "/multi");
  const sock = new WebSocket(__ENV.WS + "/echo");
  sock.onopen = () => sock.close();
}`, modulestestEnv("WS", ws.URL))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: true",
		`info: unable to parse "expires" date string "tomorrow": parsing time "tomorrow" as "Mon, 02 Jan 2006 15:04:05 MST": cannot parse "tomorrow" as "Mon"`,
		"info: cookie: is null",
		"info: caught GoError",
	}))
	recs := ws.Connections()
	g.Expect(recs).To(HaveLen(1))
	g.Expect(recs[0].Header.Get("Cookie")).To(And(ContainSubstring("k=v"), ContainSubstring("sid=abc")))
}

func TestURLTemplateFileAndContentLength(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const id = 42;
  const u = http.url`+"`${__ENV.URL}/echo?id=${id}`"+`;
  console.log(u.name, u.url === __ENV.URL + "/echo?id=42", String(u));
  http.get(u);
  try { http.file(new Uint8Array([1])); } catch (e) { console.log(e.message); }
  const f = http.file("x", "f.txt");
  console.log(JSON.stringify(f), f.content_type);
  http.post(__ENV.URL + "/echo", "abc", { headers: { "Content-Length": "10" } });
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(ContainElements(
		"info: ${}/echo?id=${} true [object Object]",
		"info: invalid type []uint8, expected string or ArrayBuffer",
		`info: {"data":"x","filename":"f.txt","content_type":"application/octet-stream"} application/octet-stream`,
		fmt.Sprintf(`warning: The specified Content-Length header "10" in the POST request for %s/echo doesn't match the actual request body length of 3, so it will be ignored!`, srv.URL),
	))
	named := 0
	for _, s := range v.Metric("http_reqs").Samples() {
		if n, _ := s.Tags.Get("name"); n == "${}/echo?id=${}" {
			named++
		}
	}
	g.Expect(named).To(Equal(1))
}

func TestEveryCompressionRoundTrips(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Echo the compressed body with its encoding: the client decodes it.
		w.Header().Set("Content-Encoding", r.Header.Get("Content-Encoding"))
		_, _ = io.Copy(w, r.Body)
	}))
	defer srv.Close()
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  for (const c of ["gzip", "deflate", "br", "zstd", "gzip, br", "zstd,deflate"]) {
    const r = http.post(__ENV.URL, "payload " + c, { compression: c });
    console.log(r.headers["Content-Encoding"] + " => " + r.body);
  }
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: gzip => payload gzip", "info: deflate => payload deflate", "info: br => payload br",
		"info: zstd => payload zstd", "info: gzip, br => payload gzip, br", "info: zstd, deflate => payload zstd,deflate",
	}))
}

func TestCompressionBothWays(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		got, _ := io.ReadAll(zr)
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_, _ = zw.Write([]byte(strings.ToUpper(string(got))))
		_ = zw.Close()
	}))
	defer srv.Close()
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const r = http.post(__ENV.URL, "hello gzip", { compression: "gzip" });
  console.log(r.status, r.body, r.headers["Content-Encoding"], r.request.headers["Content-Encoding"][0]);
  console.log(http.post(__ENV.URL, "x", { compression: "lzw" }).error);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(ContainElements(
		"info: 200 HELLO GZIP gzip gzip",
		"info: unknown compression algorithm lzw, supported algorithms are [gzip deflate zstd br]",
	))
}

func TestDigestAuthentication(t *testing.T) {
	g := NewWithT(t)
	const realm, nonce = "test", "abc123"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if !strings.HasPrefix(h, "Digest ") {
			w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Digest realm="%s", nonce="%s", qop="auth"`, realm, nonce))
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		p := map[string]string{}
		for _, part := range strings.Split(h[7:], ", ") {
			k, val, _ := strings.Cut(part, "=")
			p[k] = strings.Trim(val, `"`)
		}
		sum := func(s string) string { b := md5.Sum([]byte(s)); return hex.EncodeToString(b[:]) }
		ha1, ha2 := sum("user:"+realm+":pass"), sum(r.Method+":"+p["uri"])
		if p["response"] != sum(strings.Join([]string{ha1, nonce, p["nc"], p["cnonce"], p["qop"], ha2}, ":")) {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, "welcome")
	}))
	defer srv.Close()
	v, err := run(t, strings.Replace(srv.URL, "http://", "http://user:pass@", 1), `
import http from "k6/http";
export default function () {
  const r = http.get(__ENV.URL + "/secret", { auth: "digest" });
  console.log(r.status, r.body);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{"info: 200 welcome"}))
	g.Expect(v.Metric("http_reqs").Count()).To(Equal(2))
	g.Expect(v.Metric("http_req_failed").Count()).To(Equal(2))
	trues, _ := v.Metric("http_req_failed").RateCounts()
	g.Expect(trues).To(BeZero())
}

func TestThrowAndAsyncRejection(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default async function () {
  try { await http.asyncRequest("GET", "http://127.0.0.1:1/", null, { throw: true }); }
  catch (e) { console.log(typeof e, e instanceof Error, String(e)); }
  const r = await http.asyncRequest("GET", 42);
  console.log(r.error_code);
  const rs = await Promise.all([1, 2, 3].map(() => http.asyncRequest("GET", __ENV.URL + "/echo")));
  console.log(rs.map(r => r.status).join(","));
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(ContainElements(
		`info: object false Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused`,
		"info: 1020",
		"info: 200,200,200",
	))
}
