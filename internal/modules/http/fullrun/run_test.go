package fullrun_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func server(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bad":
			w.WriteHeader(http.StatusNotFound)
		case "/ua":
			_, _ = io.WriteString(w, r.Header.Get("User-Agent"))
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			_, _ = io.WriteString(w, "ok")
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSummaryHasTheHTTPSection(t *testing.T) {
	g := NewWithT(t)
	srv := server(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { iterations: 2, thresholds: { "http_req_failed{name:bad}": ["rate<2"] } };
export default function () {
  http.get(__ENV.URL + "/ok");
  http.get(__ENV.URL + "/bad", { tags: { name: "bad" } });
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveMetric("http_reqs", 4))
	g.Expect(res).To(HaveMetricStat("http_req_failed", "rate", 0.5))
	g.Expect(res).To(HaveSample("http_reqs", map[string]string{"name": "bad", "url": "bad", "status": "404", "expected_response": "false", "error_code": "1404", "method": "GET"}, 1))
	g.Expect(res).To(HaveSample("http_reqs", map[string]string{"url": srv.URL + "/ok", "proto": "HTTP/1.1", "scenario": "default", "group": ""}, 1))
	sum := res.Summary()
	g.Expect(sum).To(ContainSubstring("HTTP"))
	g.Expect(sum).To(MatchRegexp(`http_req_duration\.+: avg=`))
	g.Expect(sum).To(MatchRegexp(`\{ expected_response:true \}\.+: avg=`))
	g.Expect(sum).To(MatchRegexp(`http_req_failed\.+: 50\.00%\s+2 out of 4`))
	g.Expect(sum).To(MatchRegexp(`\{ name:bad \}\.+: 100\.00%\s+2 out of 2`))
	g.Expect(sum).To(MatchRegexp(`http_reqs\.+: 4 `))
	g.Expect(strings.Index(sum, "HTTP")).To(BeNumerically("<", strings.Index(sum, "EXECUTION")))
}

func TestOptionsApplyToRequests(t *testing.T) {
	g := NewWithT(t)
	srv := server(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { iterations: 1, userAgent: "agent/1", maxRedirects: 2, discardResponseBodies: true };
export default function () {
  const r = http.get(__ENV.URL + "/ua");
  console.log(r.body, http.get(__ENV.URL + "/ua", { responseType: "text" }).body);
  const l = http.get(__ENV.URL + "/loop");
  console.log(l.status);
  console.log(http.get("http://api.example.test/ua", { responseType: "text" }).body);
}`, wstest.WithEnv("URL", srv.URL), wstest.WithHandler("api.example.test", srv.Config.Handler))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("null agent/1"))
	g.Expect(res).To(HaveLogged("302"))
	g.Expect(res).To(HaveLogged("agent/1"))
	g.Expect(res.Logs).NotTo(ContainElement(HaveField("Message", ContainSubstring("Stopped after"))))
	g.Expect(res).To(HaveMetric("http_reqs", 2+3+1))
}

func TestRedirectLimitWarnsWithoutOptions(t *testing.T) {
	g := NewWithT(t)
	srv := server(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export default function () { console.log(http.get(__ENV.URL + "/loop").status); }`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveLogged("302"))
	g.Expect(res).To(HaveLogged(ContainSubstring("Stopped after 11 redirects and returned the redirection; pass { redirects: n } in request params or set global maxRedirects to silence this")))
	g.Expect(res).To(HaveMetric("http_reqs", 11))
}

func TestHTTPSNegotiatesHTTP2AndJSONOutputCarriesTheMetrics(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = fmt.Fprint(w, r.Proto)
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	var out bytes.Buffer
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { iterations: 2, vus: 1 };
export default function () {
  const r = http.get(__ENV.URL);
  console.log(r.proto, r.body, r.tls_version, r.timings.connecting === 0 ? "reused" : "new");
}`, wstest.WithEnv("URL", srv.URL), wstest.WithInsecureSkipTLSVerify(), wstest.WithJSONOutput(&out))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged("HTTP/2.0 HTTP/2.0 tls1.3 new"))
	g.Expect(res).To(HaveLogged("HTTP/2.0 HTTP/2.0 tls1.3 reused"))
	g.Expect(res).To(HaveSample("http_reqs", map[string]string{"proto": "HTTP/2.0", "tls_version": "tls1.3"}))
	g.Expect(out.String()).To(ContainSubstring(`"metric":"http_req_duration"`))
	g.Expect(res).To(HaveMetricStat("data_received", "count", BeNumerically(">", 0)))
}

func TestUnknownCAFailsWithoutInsecureSkip(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	defer srv.Close()
	res := scripttest.Run(t, `
import http from "k6/http";
export default function () { const r = http.get(__ENV.URL); console.log(r.status, r.error, r.error_code); }`,
		wstest.WithEnv("URL", srv.URL), wstest.WithLogOutput(func(wstest.LogEntry) {}))
	g.Expect(res).To(HaveLogged("0 x509: unknown authority 1310"))
}
