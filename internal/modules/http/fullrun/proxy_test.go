package fullrun_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// HTTP_PROXY applies to k6/http as to WebSockets: a far host goes through
// the proxy, a host the run routes itself (--fixture-host) and loopback
// never do.
func TestProxyFromTheEnvironment(t *testing.T) {
	g := NewWithT(t)
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.String())
		mu.Unlock()
		_, _ = w.Write([]byte("via proxy"))
	}))
	defer proxy.Close()
	fixture := fixtures.NewServer()
	defer fixture.Close()
	direct := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("direct"))
	}))
	defer direct.Close()
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("NO_PROXY", "")

	res := scripttest.Run(t, `
import http from "k6/http";
export default function () {
  console.log(http.get("http://far.example.test/x").body);
  console.log(http.get("http://api.fixtures.test/status/201").status);
  console.log(http.get(__ENV.DIRECT).body);
}`, wstest.WithEnv("DIRECT", direct.URL), wstest.WithRedirect("api.fixtures.test", fixture.Addr, fixture.Addr))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("via proxy"))
	g.Expect(res).To(HaveLogged("201"))
	g.Expect(res).To(HaveLogged("direct"))
	mu.Lock()
	defer mu.Unlock()
	g.Expect(seen).To(Equal([]string{"GET http://far.example.test/x"}))
}
