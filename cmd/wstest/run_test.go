package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

func TestRunExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"success", []string{"testdata/ok.js"}, 0, ""},
		{"failed threshold", []string{"testdata/threshold.js"}, 99, ""},
		{"unknown flag", []string{"--no-such-flag", "testdata/ok.js"}, 255, `level=error msg="unknown flag: --no-such-flag"`},
		{"bad duration flag", []string{"-d", "soon", "testdata/ok.js"}, 255, `invalid argument \"soon\" for \"-d, --duration\" flag: time: invalid duration \"soon\"`},
		{"duration flag without a unit", []string{"-d", "2", "testdata/ok.js"}, 255, `invalid argument \"2\" for \"-d, --duration\" flag: time: missing unit in duration \"2\"`},
		{"negative vus flag", []string{"--vus", "-1", "testdata/ok.js"}, 104, "the number of VUs must be more than 0"},
		{"bad time scale", []string{"--time-scale", "2", "testdata/ok.js"}, 255, "--time-scale must be in (0, 1]"},
		{"no script", nil, 255, "accepts 1 arg(s), received 0"},
		{"syntax error", []string{"testdata/syntax.js"}, 107, `/testdata/syntax.js: Line 2:9 Unexpected \"=\"`},
		{"missing file", []string{"testdata/nope.js"}, 255, `The moduleSpecifier \"testdata/nope.js\" couldn't be found on local disk.`},
		{"aborted", []string{"testdata/abort.js"}, 108, "stop now"},
		{"marked failed", []string{"testdata/fail.js"}, 110, ""},
		{"fixture host without fixtures", []string{"--no-fixtures", "--fixture-host", "x.test", "testdata/ok.js"}, 104, "--fixture-host needs the embedded fixtures"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			code, _, stderr := wstestRun(t, tt.args...)
			g.Expect(code).To(Equal(tt.code), stderr)
			g.Expect(stderr).To(ContainSubstring(tt.stderr))
		})
	}
}

func TestRunSetsFixtureURLsAndEnvWins(t *testing.T) {
	g := NewWithT(t)
	code, _, stderr := wstestRun(t, "-e", "EXTRA=1", "testdata/env.js", "--summary-mode", "disabled")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(MatchRegexp(`url=ws://127\.0\.0\.1:\d+ wss=wss://127\.0\.0\.1:\d+ extra=1`))

	code, _, stderr = wstestRun(t, "-e", "WSTEST_URL=ws://mine", "testdata/env.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring("url=ws://mine "))

	code, _, stderr = wstestRun(t, "--no-fixtures", "testdata/env.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring("url=undefined wss=undefined"))
}

func TestRunWritesOutputs(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	jsonFile := filepath.Join(dir, "out.json")
	exportFile := filepath.Join(dir, "export.json")
	code, stdout, stderr := wstestRun(t, "--out", "json="+jsonFile, "--summary-export", exportFile,
		"--tag", "team=ws", "-i", "3", "testdata/ok.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stdout).To(ContainSubstring("✓ one is one"))

	checks := 0
	sc := bufio.NewScanner(strings.NewReader(readFile(t, jsonFile)))
	for sc.Scan() {
		var line struct {
			Type, Metric string
			Data         struct{ Tags map[string]string }
		}
		g.Expect(json.Unmarshal(sc.Bytes(), &line)).To(Succeed())
		if line.Type == "Point" && line.Metric == "checks" {
			checks++
			g.Expect(line.Data.Tags).To(HaveKeyWithValue("team", "ws"))
		}
	}
	g.Expect(checks).To(Equal(3))

	raw, err := os.ReadFile(exportFile)
	g.Expect(err).NotTo(HaveOccurred())
	var export struct{ Metrics map[string]map[string]any }
	g.Expect(json.Unmarshal(raw, &export)).To(Succeed())
	g.Expect(export.Metrics["iterations"]["count"]).To(BeEquivalentTo(3))
}

func TestRunPrintsHandleSummaryInsteadOfTheSummary(t *testing.T) {
	g := NewWithT(t)
	code, stdout, stderr := wstestRun(t, "-i", "2", "testdata/handle_summary.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(strings.TrimSpace(stdout)).To(Equal("iterations=2"))
}

func TestRunChatExampleOnTheFixtureHost(t *testing.T) {
	g := NewWithT(t)
	code, stdout, stderr := wstestRun(t, "--fixture-host", "test-api.k6.io", "--time-scale", "0.01", "../../examples/chat.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stdout).To(MatchRegexp(`ws_sessions\.+: 8 `))
	g.Expect(stdout).To(MatchRegexp(`checks_succeeded\.+: 100\.00%`))
}

func TestRunFixtureHostsStandIn(t *testing.T) {
	g := NewWithT(t)
	export := filepath.Join(t.TempDir(), "summary.json")
	code, _, stderr := wstestRun(t, "--fixture-host", "echo.websocket.org", "--fixture-host", "localhost:10000",
		"--fixture-host", "quickpizza.grafana.com", "--time-scale", "0.01", "--summary-export", export, "testdata/demohosts.js")
	g.Expect(code).To(Equal(0), stderr)
	data, err := os.ReadFile(export)
	g.Expect(err).NotTo(HaveOccurred())
	var summary struct {
		Metrics map[string]map[string]any `json:"metrics"`
	}
	g.Expect(json.Unmarshal(data, &summary)).To(Succeed())
	g.Expect(summary.Metrics["checks"]).To(HaveKeyWithValue("fails", BeNumerically("==", 0)))
	g.Expect(summary.Metrics["checks"]).To(HaveKeyWithValue("passes", BeNumerically("==", 3)))
	g.Expect(summary.Metrics["ws_sessions"]).To(HaveKeyWithValue("count", BeNumerically("==", 3)))
}

func TestRunWSMaxMessageSize(t *testing.T) {
	g := NewWithT(t)
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "testdata/big_message.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring("echoed 100"))

	code, _, stderr = wstestRun(t, "--ws-max-message-size", "50", "--summary-mode", "disabled", "testdata/big_message.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).NotTo(ContainSubstring("echoed"))
	g.Expect(stderr).To(ContainSubstring("closed 1009"))

	code, _, stderr = wstestRun(t, "--ws-max-message-size", "-1", "testdata/big_message.js")
	g.Expect(code).To(Equal(255), stderr)
	g.Expect(stderr).To(And(ContainSubstring("--ws-max-message-size"), ContainSubstring("must not be negative")))
}

func TestRunHTTPFlagsAndTheirEnvironment(t *testing.T) {
	g := NewWithT(t)
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "--max-redirects", "3", "--batch", "7", "--batch-per-host", "2",
		"--no-connection-reuse", "--no-vu-connection-reuse", "--discard-response-bodies", "testdata/http_options.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring(`http options [3,7,2,true,true,true]`))

	env := map[string]string{"K6_BATCH": "9", "K6_DISCARD_RESPONSE_BODIES": "true"}
	r := wstestCLI(t, env, "", "run", "-q", "--summary-mode", "disabled", "testdata/http_options.js")
	code, stderr = r.code, r.stderr
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring(`http options [null,9,null,false,false,true]`))
}

func TestRunBlockFlags(t *testing.T) {
	g := NewWithT(t)
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "--blacklist-ip", "10.0.0.0/8,127.0.0.0/8", "testdata/big_message.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring("is in a blacklisted range (127.0.0.0/8)"))
	g.Expect(stderr).NotTo(ContainSubstring("echoed"))

	code, _, stderr = wstestRun(t, "--blacklist-ip", "nonsense", "testdata/big_message.js")
	g.Expect(code).To(Equal(104), stderr)
	g.Expect(stderr).To(ContainSubstring("invalid CIDR address: nonsense"))
}

// An exception that ends an iteration is logged as k6 logs it: the JS
// stack as the message, then executor, hint, scenario and source fields.
func TestRunLogsAnIterationExceptionAsAStacktrace(t *testing.T) {
	g := NewWithT(t)
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "testdata/iter_throw.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(MatchRegexp(`level=error msg="Error: probe iteration error\\n\\tat default \(\S*testdata/iter_throw\.js:3:9\(\d+\)\)\\n" ` +
		`executor=shared-iterations hint="script exception" scenario=default source=stacktrace`))
}

func TestRunLogOutputLevel(t *testing.T) {
	g := NewWithT(t)
	path := filepath.Join(t.TempDir(), "log.txt")
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "--log-output", "file="+path+",level=error", "testdata/big_message.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(readFile(t, path)).NotTo(ContainSubstring("echoed"))

	code, _, stderr = wstestRun(t, "--summary-mode", "disabled", "--log-output", "file="+path+",level=info", "testdata/big_message.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(readFile(t, path)).To(ContainSubstring("echoed 100"))

	code, _, stderr = wstestRun(t, "--log-output", "file="+path+",level=loud", "testdata/big_message.js")
	g.Expect(code).To(Equal(255), stderr)
	g.Expect(stderr).To(ContainSubstring("unsupported log output"))
}

// sourceServer answers a request with the address it came from.
func sourceServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		_, _ = io.WriteString(w, ip)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// --dns, --local-ips, --rps and --http-debug set their options and work;
// the K6_* variables do too, below the flags; K6_HOSTS maps names.
func TestRunNetworkFlagsAndTheirEnvironment(t *testing.T) {
	g := NewWithT(t)
	srv := sourceServer(t)
	code, _, stderr := wstestRun(t, "--summary-mode", "disabled", "--dns", "ttl=inf,select=first", "--local-ips", "127.0.0.3",
		"--rps", "50", "--http-debug", "-e", "URL="+srv.URL+"/", "testdata/net_options.js")
	g.Expect(code).To(Equal(0), stderr)
	g.Expect(stderr).To(ContainSubstring(`net options [\"inf\",\"first\",null,\"127.0.0.3\",50,\"headers\",null]`))
	g.Expect(stderr).To(ContainSubstring("source 127.0.0.3"))
	g.Expect(stderr).To(MatchRegexp(`level=info msg="Request:\\nGET / HTTP/1.1\\nHost: 127.0.0.1:\d+\\n.*\\n\\n\\n" source=http-debug`))
	g.Expect(stderr).To(MatchRegexp(`level=info msg="Response:\\nHTTP/1.1 200 OK\\n.*\\n\\n\\n" source=http-debug`))

	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	env := map[string]string{"K6_DNS": "policy=onlyIPv4", "K6_LOCAL_IPS": "127.0.0.2", "K6_RPS": "3", "K6_HTTP_DEBUG": "full",
		"K6_HOSTS": "probe.test=127.0.0.1:" + port}
	r := wstestCLI(t, env, "", "run", "-q", "--summary-mode", "disabled", "--rps", "7", "-e", "URL=http://probe.test/", "testdata/net_options.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`net options [null,null,\"onlyIPv4\",\"127.0.0.2\",7,\"full\",{\"probe.test\":\"127.0.0.1:` + port + `\"}]`))
	g.Expect(r.stderr).To(ContainSubstring("source 127.0.0.2"))
	g.Expect(r.stderr).To(MatchRegexp(`msg="Response:\\nHTTP/1.1 200 OK\\n.*\\n\\n127.0.0.2\\n" source=http-debug`))
}

// A bad value of a network flag or variable is a configuration error
// that names the option and says what it takes.
func TestRunNetworkFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"dns policy", nil, []string{"--dns", "policy=v5"}, 104, `dns: invalid policy \"v5\": use one of preferIPv4, preferIPv6, onlyIPv4, onlyIPv6, any`},
		{"dns key", nil, []string{"--dns", "cache=1m"}, 104, `dns: unknown key \"cache\": the keys are ttl, select and policy`},
		{"local ips", nil, []string{"--local-ips", "127.0.0.9-127.0.0.1"}, 104, `localIPs: range \"127.0.0.9-127.0.0.1\" ends before it starts`},
		{"rps", nil, []string{"--rps", "fast"}, 255, `invalid argument \"fast\" for \"--rps\" flag`},
		{"K6_DNS", map[string]string{"K6_DNS": "ttl=soon"}, nil, 104, `K6_DNS to dns: dns: invalid ttl \"soon\"`},
		{"K6_HOSTS", map[string]string{"K6_HOSTS": "a.test:127.0.0.1"}, nil, 104, `invalid hosts item \"a.test:127.0.0.1\": write name=address or name=address:port`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			args := append(append([]string{"run", "-q"}, tt.args...), "testdata/ok.js")
			r := wstestCLI(t, tt.env, "", args...)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			g.Expect(r.stderr).To(ContainSubstring(tt.want))
		})
	}
}
