package fullrun_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestFixtureHostsServeHTTPAndHTTPS(t *testing.T) {
	g := NewWithT(t)
	plain := fixtures.NewServer()
	defer plain.Close()
	secure := fixtures.NewTLSServer(fixtures.WithTLSNames("api.fixtures.test"))
	defer secure.Close()
	res := scripttest.Run(t, `
import http from "k6/http";
export default function () {
  const a = http.get("http://api.fixtures.test/status/201");
  const b = http.get("https://api.fixtures.test/status/202");
  console.log(a.status, b.status, b.proto, a.body.trim());
}`, wstest.WithRedirect("api.fixtures.test", plain.Addr, secure.Addr), wstest.WithRootCAs(secure.CertPool()))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("201 202 HTTP/1.1 fixture status 201"))
}

func TestNoConnectionReuseOpensAConnectionPerRequest(t *testing.T) {
	g := NewWithT(t)
	srv := server(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { noConnectionReuse: true };
export default function () {
  let fresh = 0;
  for (let i = 0; i < 5; i++) if (http.get(__ENV.URL).timings.connecting > 0) fresh++;
  console.log(fresh);
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveLogged("5"))
}

// concurrency is a handler that holds the first requests until `hold` of
// them are in flight at once, then lets every request through, and
// records how many were in flight at most.
type concurrency struct {
	hold    int
	release chan struct{}

	mu       sync.Mutex
	now, max int
	released bool
}

func (c *concurrency) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.now++
	c.max = max(c.max, c.now)
	if c.now == c.hold && !c.released {
		c.released = true
		close(c.release)
	}
	c.mu.Unlock()
	select {
	case <-c.release:
	case <-r.Context().Done():
	}
	c.mu.Lock()
	c.now--
	c.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func TestBatchLimits(t *testing.T) {
	for _, c := range []struct {
		name, options string
		want          int
	}{
		{"batchPerHost default 6", `{}`, 6},
		{"batch 3", `{ batch: 3 }`, 3},
		{"batchPerHost 0 = no per-host limit", `{ batchPerHost: 0 }`, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := NewWithT(t)
			h := &concurrency{hold: c.want, release: make(chan struct{})}
			srv := httptest.NewServer(h)
			defer srv.Close()
			res := scripttest.Run(t, `
import http from "k6/http";
export const options = `+c.options+`;
export default function () {
  const rs = http.batch(Array.from({ length: 10 }, () => __ENV.URL));
  console.log(rs.filter(r => r.status === 200).length);
}`, wstest.WithEnv("URL", srv.URL))
			g.Expect(res).To(HaveLogged("10"))
			g.Expect(h.max).To(Equal(c.want))
		})
	}
}

func TestGlobalThrowMakesParseErrorsThrow(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { throw: true };
export default function () {
  try { http.get("ht!tp://x"); } catch (e) { console.log(e.message); }
  const r = http.get("http://127.0.0.1:1/", { throw: false });
  console.log(r.error_code);
}`)
	g.Expect(res).To(HaveLogged(`invalid URL: parse "ht!tp://x": first path segment in URL cannot contain colon`))
	g.Expect(res).To(HaveLogged("1212"))
}

func TestVUConnectionReuseAcrossIterations(t *testing.T) {
	for _, c := range []struct {
		options string
		want    string
	}{{`{ iterations: 3 }`, "new reused reused"}, {`{ iterations: 3, noVUConnectionReuse: true }`, "new new new"}} {
		g := NewWithT(t)
		srv := server(t)
		var lines []string
		res := scripttest.Run(t, `
import http from "k6/http";
export const options = `+c.options+`;
export default function () {
  console.log(http.get(__ENV.URL).timings.connecting > 0 ? "new" : "reused");
}`, wstest.WithEnv("URL", srv.URL), wstest.WithLogOutput(func(e wstest.LogEntry) { lines = append(lines, e.Message) }))
		g.Expect(res).To(HaveNoErrors())
		g.Expect(strings.Join(lines, " ")).To(Equal(c.want))
	}
}
