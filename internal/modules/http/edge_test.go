package http_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// edgeServer answers the edge cases: 204, a hijacked connection closed
// without a response, a 101 to a plain request, a broken gzip body and a
// Host echo.
func edgeServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/nocontent":
			w.WriteHeader(http.StatusNoContent)
		case "/hangup", "/switch":
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			if r.URL.Path == "/switch" {
				_, _ = buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nConnection: close\r\n\r\n")
				_ = buf.Flush()
			}
			_ = conn.Close()
		case "/badgzip":
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write([]byte("not gzip at all"))
		case "/host":
			_, _ = fmt.Fprint(w, r.Host)
		default:
			_, _ = w.Write([]byte{0, 1, 2, 255})
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestResponseEdges(t *testing.T) {
	g := NewWithT(t)
	srv := edgeServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const u = __ENV.URL;
  console.log(http.get(u + "/nocontent").body, JSON.stringify(http.head(u + "/x").body));
  const bin = http.get(u + "/bin", { responseType: "binary" });
  console.log(bin.body instanceof ArrayBuffer, new Uint8Array(bin.body).join(","));
  const txt = http.get(u + "/bin");
  console.log(txt.body.length, txt.body.charCodeAt(3));
  const hang = http.get(u + "/hangup");
  console.log(hang.status, hang.error, hang.error_code);
  const bad = http.get(u + "/badgzip");
  console.log(bad.status, bad.error, bad.error_code, bad.body);
  try { http.get(u + "/switch"); } catch (e) { console.log(e.message); }
  console.log(http.get(u + "/host", { headers: { host: "virtual.test" } }).body);
  const r = http.get(u + "/x");
  r.status = 999;
  console.log(r.status);
  try { r.foo = 1; console.log("added"); } catch (e) { console.log(e.name); }
  http.get(u + "/x", 1, 2);
  http.get(u.replace("http://", "http://me:secret@") + "/x");
  http.get(u + "/x", { responseCallback: null, tags: { name: "nocb" } });
  try { http.get(u + "/x", { responseCallback: () => true }); } catch (e) { console.log("no throw expected"); }
  console.log(http.get(u + "/x", { responseCallback: () => true }).error);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	logs := v.Logs()
	g.Expect(logs).To(ContainElements(
		`info: null ""`,
		"info: true 0,1,2,255",
		"info: 4 65533",
		"info: 0 EOF 1000",
		"info: 0 error decompressing response body (error decompressing response body (gzip: invalid header)) 1701 null",
		"info: unsupported response status: 101 Switching Protocols",
		"info: virtual.test",
		"info: 999",
		"info: TypeError",
		"warning: http.get only accepts a url and a params argument (2 arguments), but 3 were given",
		"info: unsupported responseCallback",
	))
	var masked, nocb bool
	for _, s := range v.Metric("http_reqs").Samples() {
		if u, _ := s.Tags.Get("url"); strings.Contains(u, "****:****@") {
			masked = true
		}
		if n, _ := s.Tags.Get("name"); n == "nocb" {
			_, has := s.Tags.Get("expected_response")
			nocb = !has
		}
		if st, _ := s.Tags.Get("status"); st == "0" {
			e, _ := s.Tags.Get("expected_response")
			g.Expect(e).To(Equal("false"))
		}
	}
	g.Expect(masked).To(BeTrue())
	g.Expect(nocb).To(BeTrue())
}
