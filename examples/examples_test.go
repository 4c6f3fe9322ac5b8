package examples_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wsginkgo"
	"github.com/wsk6/wstest/wstest"
)

// chatHost is the public demo host chat.js names; the suite sends it, and
// the other demo hosts the scripts dial, to the fixtures, as `wstest run
// --fixture-host NAME` does.
const chatHost = "test-api.k6.io"

// demoHosts are the names the scripts dial; localhost reaches the stand-in
// of the docs' echo container on port 10000.
var demoHosts = []string{"echo.websocket.org", "localhost", "quickpizza.grafana.com", chatHost}

// expectations holds what each script must show beyond passing its checks
// and thresholds without iteration errors.
var expectations = map[string]func(res *wstest.Result, url string){
	"chat.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveMetric("ws_sessions", 8))
		Expect(res).To(HaveCheck("the room let us go", 8, 0))
		// test-api.k6.io frames its events as Python's json.dumps does.
		Expect(res).To(HaveReceived(ContainSubstring(`"event": "CHAT_MSG"`)).OnURL(HavePrefix("wss://" + chatHost)))
		Expect(res).To(HaveEvent("close", 3000).Times(8))
		Expect(res).To(HaveEventsInOrder("open",
			HaveReceived(ContainSubstring(`"event": "NAME_CHANGE"`)),
			HaveEvent("close", 3000),
		).OnEverySocket())
		Expect(res).To(HaveLogged("said goodbye"))
	},
	"echo.js": func(res *wstest.Result, url string) {
		Expect(res).To(HaveMetric("ws_msgs_received{url:"+url+"/echo}", 30))
		Expect(res).To(HaveReceived("fifth").OnURL(url + "/echo").Times(6))
		Expect(res).To(HaveEventsInOrder("open", HaveReceived("first"), HaveReceived("fifth"), "close").OnEverySocket())
	},
	"binary.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveEvent("message").Where(HaveField("Binary", BeTrue())).Times(6))
		Expect(res).To(HaveCheck("the bytes are kept", 6, 0))
	},
	"ping.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveEvent("ping").Times(BeNumerically(">=", 9)))
		Expect(res).To(HaveEvent("pong").Times(3))
		Expect(res).To(HaveMetricStat("ws_ping", "count", 3))
	},
	"signed_messages.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveCheck("the signature matches the body", 9, 0))
		Expect(res).To(HaveCheck("the id is a UUID v4", 9, 0))
		Expect(res).To(HaveMetric("ws_sessions", 9))
	},
	"legacy_ws.js": func(res *wstest.Result, url string) {
		Expect(res).To(HaveMetric("ws_sessions{url:"+url+"/echo?room=legacy}", 4))
		Expect(res).To(HaveCheck("status is 101", 4, 0))
		Expect(res).To(HaveCheck("closed normally", 4, 0))
		Expect(res).To(HaveMetricStat("ws_ping", "count", 4))
		Expect(res).To(HaveEventsInOrder("open", HaveReceived("hello"), "pong", HaveEvent("close", 1000)).OnEverySocket())
		Expect(res).To(HaveLogged("pong"))
	},
	"echo_websocket_org.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveMetric("ws_sessions", 4))
		Expect(res).To(HaveCheck("the server said who it is", 4, 0))
		Expect(res).To(HaveMetricStat("echo_round_trip", "count", 12))
		Expect(res).To(HaveReceived(HavePrefix("Request served by ")).OnURL("wss://echo.websocket.org/").Times(4))
	},
	"localhost_echo.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveCheck("binary echoed", 2, 0))
		Expect(res).To(HaveEvent("pong").Times(2))
		Expect(res).To(HaveMetric("ws_msgs_received{url:ws://localhost:10000}", 6))
	},
	"quickpizza_ws.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveMetric("ws_sessions", 6))
		Expect(res).To(HaveCheck("our own messages came back", 6, 0))
		Expect(res).To(HaveReceived(ContainSubstring(`"event":"LEAVE"`)).OnURL("wss://quickpizza.grafana.com/ws"))
	},
	"quickpizza_onping.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveCheck("the server pinged", 1, 0))
	},
	"http_login.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveMetric("http_reqs", 1))
		Expect(res).To(HaveSample("http_reqs", map[string]string{"method": "POST", "status": "200"}, 1))
		Expect(res).To(HaveCheck("the token went through", 4, 0))
		Expect(res).To(HaveMetric("ws_sessions", 4))
	},
	"thresholds.js": func(res *wstest.Result, _ string) {
		Expect(res.Thresholds).To(HaveLen(6))
		Expect(res).To(HaveMetricStat("ws_connecting", "p(95)", BeNumerically("<", 1000)))
		Expect(res).To(HaveSample("ws_msgs_sent", map[string]string{"scenario": "default"}, 1))
	},
}

var _ = Describe("the example scripts", func() {
	var plain, secure *fixtures.Server
	var login *httptest.Server

	BeforeEach(func() {
		plain = fixtures.NewServer(fixtures.WithTimeScale(0.01))
		DeferCleanup(plain.Close)
		secure = fixtures.NewTLSServer(fixtures.WithTimeScale(0.01), fixtures.WithTLSNames(demoHosts...))
		DeferCleanup(secure.Close)
		// The login endpoint http_login.js posts to before it opens sockets.
		login = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || r.FormValue("user") == "" {
				http.Error(w, "bad login", http.StatusUnauthorized)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"token":"token-of-%s"}`, r.FormValue("user"))
		}))
		DeferCleanup(login.Close)
	})

	DescribeTable("run against the fixtures",
		func(ctx SpecContext, path string) {
			check, ok := expectations[filepath.Base(path)]
			Expect(ok).To(BeTrue(), "add what %s must show to expectations", path)

			opts := []wstest.Option{
				wstest.WithEnv("WSTEST_URL", plain.URL),
				wstest.WithEnv("LOGIN_URL", login.URL+"/login"),
				wstest.WithRootCAs(secure.CertPool()),
				wstest.WithTimeScale(0.01),
				wstest.WithK6Strict(), // the examples run on k6 unchanged
			}
			for _, host := range demoHosts {
				opts = append(opts, wstest.WithRedirect(host, plain.Addr, secure.Addr))
			}
			res, err := wsginkgo.Run(ctx, path, opts...)
			Expect(err).NotTo(HaveOccurred())
			Expect(res).To(PassChecks())
			Expect(res).To(PassThresholds())
			Expect(res).To(HaveNoErrors())
			check(res, plain.URL)
		},
		wsginkgo.Entries(".", "*.js", SpecTimeout(time.Minute)),
	)
})
