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

// chatHost is the public demo host chat.js names; the suite sends it to
// the fixtures, as `wstest run --fixture-host test-api.k6.io` does.
const chatHost = "test-api.k6.io"

// expectations holds what each script must show beyond passing its checks
// and thresholds without iteration errors.
var expectations = map[string]func(res *wstest.Result, url string){
	"chat.js": func(res *wstest.Result, _ string) {
		Expect(res).To(HaveMetric("ws_sessions", 8))
		Expect(res).To(HaveCheck("the room let us go", 8, 0))
		Expect(res).To(HaveReceived(ContainSubstring(`"event":"CHAT_MSG"`)).OnURL(HavePrefix("wss://" + chatHost)))
		Expect(res).To(HaveEvent("close", 3000).Times(8))
		Expect(res).To(HaveEventsInOrder("open",
			HaveReceived(ContainSubstring(`"event":"NAME_CHANGE"`)),
			HaveReceived(ContainSubstring(`"event":"LEAVE"`)),
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
		plain = fixtures.NewServer()
		DeferCleanup(plain.Close)
		secure = fixtures.NewTLSServer(fixtures.WithTLSNames(chatHost))
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

			res, err := wsginkgo.Run(ctx, path,
				wstest.WithEnv("WSTEST_URL", plain.URL),
				wstest.WithEnv("LOGIN_URL", login.URL+"/login"),
				wstest.WithRedirect(chatHost, plain.Addr, secure.Addr),
				wstest.WithRootCAs(secure.CertPool()),
				wstest.WithTimeScale(0.01),
			)
			Expect(err).NotTo(HaveOccurred())
			Expect(res).To(PassChecks())
			Expect(res).To(PassThresholds())
			Expect(res).To(HaveNoErrors())
			check(res, plain.URL)
		},
		wsginkgo.Entries(".", "*.js", SpecTimeout(time.Minute)),
	)
})
