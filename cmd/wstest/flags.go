package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/wsk6/wstest/wstest"
)

// runFlags are the flags of `wstest run`: k6 run's flags for a local run
// (spec/cli.md section 2) and wstest's own (DESIGN.md contract 1).
type runFlags struct {
	vus, iterations       int64
	duration              durationValue
	stages                []string
	env                   envValue
	includeSystemEnv      bool
	tags                  tagValue
	out                   []string
	summaryExport         string
	summaryMode           choiceValue
	summaryTrendStats     trendStatsValue
	summaryTimeUnit       choiceValue
	noThresholds          bool
	throw                 bool
	quiet, verbose        bool
	logOutput             string
	logFormat             string
	consoleOutput         string
	noColor               bool
	insecureSkipTLS       bool
	userAgent             string
	systemTags            string
	minIterDuration       string
	setupTimeout          string
	teardownTimeout       string
	maxRedirects          int64
	batch                 int64
	batchPerHost          int64
	noConnectionReuse     bool
	noVUConnectionReuse   bool
	discardResponseBodies bool
	blacklistIPs          string
	blockHostnames        string
	dns                   string
	localIPs              string
	rps                   int64
	httpDebug             string
	linger                bool
	paused                bool
	executionSegment      string
	executionSegmentSeq   string
	address               string
	profilingEnabled      bool
	compatibilityMode     string
	testType              string
	tracesOutput          string
	secretSources         []string
	newSummary            bool
	features              []string
	logNSTimestamps       bool
	webDashboard          bool // K6_WEB_DASHBOARD
	noSetup               bool
	noTeardown            bool
	config                string
	noUsageReport         bool
	noFixtures            bool
	fixtureHosts          []string
	timeScale             float64
	seed                  int64
	k6Strict              bool
	wsMaxMessageSize      int64
}

// newRunFlagSet defines the flags of `wstest run` on a pflag set, the
// POSIX syntax k6 uses: -u2, -qi 1, --vus=2, flags after the script.
func newRunFlagSet(f *runFlags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("run", pflag.ContinueOnError)
	fs.SortFlags = false
	f.summaryMode = choiceValue{v: "compact", choices: []string{"compact", "full", "disabled"}, what: "summary mode"}
	f.summaryTimeUnit = choiceValue{choices: []string{"s", "ms", "us"}, what: "summary time unit"}
	int64Flag(fs, &f.vus, "vus", "u", 1, "number of virtual users")
	int64Flag(fs, &f.iterations, "iterations", "i", 0, "script total iteration limit (among all VUs)")
	fs.VarP(&f.duration, "duration", "d", "test duration limit, e.g. 10s or 1m30s")
	fs.StringSliceVarP(&f.stages, "stage", "s", nil, "add a stage, as `duration:target` (e.g. 1m:10), repeatable")
	fs.VarP(&f.env, "env", "e", "add/override environment variable with `VAR=value`")
	fs.BoolVar(&f.includeSystemEnv, "include-system-env-vars", true, "pass the real system environment variables to the runtime")
	fs.Var(&f.tags, "tag", "add a `tag` to be applied to all samples, as name=value")
	fs.StringArrayVarP(&f.out, "out", "o", nil, "`uri` for an output: json[=FILE], csv[=FILE]; FILE.gz is compressed, - is stdout")
	fs.StringVar(&f.summaryExport, "summary-export", "", "output the end-of-test summary report to a JSON `file`")
	fs.Var(&f.summaryMode, "summary-mode", "determine the summary mode: compact, full or disabled")
	fs.Var(&f.summaryTrendStats, "summary-trend-stats", "define `stats` for trend metrics (response times), one or more as 'avg,p(95),...'")
	fs.Var(&f.summaryTimeUnit, "summary-time-unit", "define the time `unit` used to display the trend stats: s, ms or us")
	fs.BoolVar(&f.noThresholds, "no-thresholds", false, "don't run thresholds")
	fs.BoolVarP(&f.throw, "throw", "w", false, "throw warnings (like failed invalid metric values) as errors")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "disable progress updates")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "enable verbose logging (console.debug lines)")
	fs.StringVar(&f.logOutput, "log-output", "stderr", "change the output for logs: stderr, stdout, none, file=PATH")
	fs.StringVar(&f.logFormat, "log-format", "", "log output format: json or raw; the default is text")
	fs.StringVar(&f.consoleOutput, "console-output", "", "redirects the console logging to the provided output `file`")
	fs.BoolVar(&f.noColor, "no-color", false, "disable colored output")
	fs.BoolVar(&f.insecureSkipTLS, "insecure-skip-tls-verify", false, "skip verification of TLS certificates")
	fs.StringVar(&f.userAgent, "user-agent", "", "user agent for WebSocket handshakes and http requests")
	fs.StringVar(&f.systemTags, "system-tags", "", "only include these system tags in metrics")
	fs.StringVar(&f.minIterDuration, "min-iteration-duration", "", "minimum amount of time VU iterations should last")
	fs.StringVar(&f.setupTimeout, "setup-timeout", "", "setup() time limit")
	fs.StringVar(&f.teardownTimeout, "teardown-timeout", "", "teardown() time limit")
	int64Flag(fs, &f.maxRedirects, "max-redirects", "", 10, "follow at most n HTTP redirects")
	int64Flag(fs, &f.batch, "batch", "", 20, "max parallel requests of one http.batch() call")
	int64Flag(fs, &f.batchPerHost, "batch-per-host", "", 6, "max parallel requests to one host in one http.batch() call")
	fs.BoolVar(&f.noConnectionReuse, "no-connection-reuse", false, "open a new HTTP connection for every request")
	fs.BoolVar(&f.noVUConnectionReuse, "no-vu-connection-reuse", false, "drop a VU's HTTP connections between iterations")
	fs.BoolVar(&f.discardResponseBodies, "discard-response-bodies", false, "read and discard HTTP response bodies (responseType none)")
	fs.StringVar(&f.blacklistIPs, "blacklist-ip", "", "comma-separated CIDR `ranges` no connection may reach")
	fs.StringVar(&f.blockHostnames, "block-hostnames", "", "comma-separated host `patterns` (\"*.test\") no connection may reach")
	fs.StringVar(&f.dns, "dns", "ttl=5m,select=random,policy=preferIPv4",
		"how host names resolve: ttl (inf, 0 or a duration; a bare number is ms), select (first, random, roundRobin), policy (preferIPv4, preferIPv6, onlyIPv4, onlyIPv6, any)")
	fs.StringVar(&f.localIPs, "local-ips", "", "source `addresses` of the VUs' connections: addresses, A-B ranges and CIDRs, comma-separated; VU n gets the n-th, round the list")
	int64Flag(fs, &f.rps, "rps", "", 0, "limit the k6/http requests of the whole run per second (0 = no limit)")
	fs.StringVar(&f.httpDebug, "http-debug", "", "log each HTTP request and response: headers, or with =full their bodies too")
	fs.Lookup("http-debug").NoOptDefVal = "headers"
	fs.BoolVarP(&f.linger, "linger", "l", false, "keep the process alive after the test is done, until Ctrl+C")
	fs.StringVar(&f.executionSegment, "execution-segment", "", "limit execution to the specified `segment`, e.g. 10%, 1/3, 0.2:2/3; wstest runs only the whole test (0:1)")
	fs.StringVar(&f.executionSegmentSeq, "execution-segment-sequence", "", "the execution segment `sequence`, e.g. 0,1/3,2/3,1")
	fs.BoolVarP(&f.paused, "paused", "p", false, "start the test paused, before setup(); with no REST API to resume it, it waits for Ctrl+C")
	fs.BoolVar(&f.noSetup, "no-setup", false, "don't run setup()")
	fs.BoolVar(&f.noTeardown, "no-teardown", false, "don't run teardown()")
	fs.StringVarP(&f.config, "config", "c", "", "JSON config `file` (default ~/.config/k6/config.json)")
	fs.BoolVar(&f.logNSTimestamps, "log-ns-timestamps", false, "switch log timestamp precision from second to nanosecond")
	fs.StringVarP(&f.testType, "type", "t", "", "override test type: js; wstest cannot run archives")
	fs.StringVar(&f.compatibilityMode, "compatibility-mode", "extended", "JavaScript compiler compatibility mode: extended, base or experimental_enhanced (wstest compiles every script the same way)")
	fs.StringVar(&f.tracesOutput, "traces-output", "none", "set the output for k6 traces: none (wstest has no otel exporter)")
	fs.BoolVar(&f.newSummary, "new-machine-readable-summary", false, "not available: wstest writes the summary export and handleSummary data in k6's current shape")
	fs.StringArrayVar(&f.features, "features", nil, "enable k6 feature `flags`; wstest has none, so it has no effect")
	fs.StringArrayVar(&f.secretSources, "secret-source", nil, "a secret `source` (file=PATH, env): not available, wstest has no k6/secrets module; pass values with -e")
	fs.StringVarP(&f.address, "address", "a", "", "accepted, no effect: wstest has no REST API")
	fs.BoolVar(&f.profilingEnabled, "profiling-enabled", false, "accepted, no effect: wstest has no REST API to serve pprof")
	fs.BoolVar(&f.noUsageReport, "no-usage-report", false, "accepted for k6 compatibility: wstest sends no usage report")
	fs.BoolVar(&f.noFixtures, "no-fixtures", false, "do not start the embedded fixture server")
	fs.StringArrayVar(&f.fixtureHosts, "fixture-host", nil, "dial `NAME[:PORT]` (every port of NAME; ws, wss, http, https) to the embedded fixtures, which stand in for the demo hosts echo.websocket.org, localhost:10000, quickpizza.grafana.com and test-api.k6.io; repeatable")
	fs.Float64Var(&f.timeScale, "time-scale", 1, "timers fire F times sooner (0 < F <= 1); metrics stay real time")
	int64Flag(fs, &f.seed, "seed", "", 0, "seeds Math.random and the jslib random helpers")
	int64Flag(fs, &f.wsMaxMessageSize, "ws-max-message-size", "", wstest.DefaultMaxMessageSize,
		"the largest WebSocket message, in `bytes` after inflating, a socket receives (0 = no limit); a larger one closes with 1009")
	fs.BoolVar(&f.k6Strict, "k6-strict", false, "make each use of a wstest-only behaviour a script error (exit 107), so the script runs on k6 unchanged")
	return fs
}

// envFlags are the run flags that k6 also reads from a K6_* variable and
// that are not script options (those go through wstest.WithK6Environment).
func envFlags() [][2]string {
	return [][2]string{
		{"out", "K6_OUT"}, {"summary-export", "K6_SUMMARY_EXPORT"}, {"summary-mode", "K6_SUMMARY_MODE"},
		{"no-thresholds", "K6_NO_THRESHOLDS"}, {"include-system-env-vars", "K6_INCLUDE_SYSTEM_ENV_VARS"},
		{"log-output", "K6_LOG_OUTPUT"}, {"log-format", "K6_LOG_FORMAT"}, {"console-output", "K6_CONSOLE_OUTPUT"},
		{"config", "K6_CONFIG"}, {"linger", "K6_LINGER"},
		{"no-usage-report", "K6_NO_USAGE_REPORT"},
		{"type", "K6_TYPE"}, {"compatibility-mode", "K6_COMPATIBILITY_MODE"}, {"traces-output", "K6_TRACES_OUTPUT"},
		{"new-machine-readable-summary", "K6_NEW_MACHINE_READABLE_SUMMARY"}, {"features", "K6_FEATURES"},
		{"secret-source", "K6_SECRET_SOURCE"}, {"address", "K6_ADDRESS"},
	}
}

// optionFlags are the run flags that are script options, by option key:
// they make the command line's layer (wstest.WithOptionText).
func optionFlags() [][2]string {
	return [][2]string{
		{"vus", "vus"}, {"iterations", "iterations"}, {"duration", "duration"}, {"stage", "stages"},
		{"throw", "throw"}, {"insecure-skip-tls-verify", "insecureSkipTLSVerify"}, {"user-agent", "userAgent"},
		{"system-tags", "systemTags"}, {"min-iteration-duration", "minIterationDuration"},
		{"setup-timeout", "setupTimeout"}, {"teardown-timeout", "teardownTimeout"},
		{"no-setup", "noSetup"}, {"no-teardown", "noTeardown"},
		{"summary-trend-stats", "summaryTrendStats"}, {"summary-time-unit", "summaryTimeUnit"},
		{"max-redirects", "maxRedirects"}, {"batch", "batch"}, {"batch-per-host", "batchPerHost"},
		{"no-connection-reuse", "noConnectionReuse"}, {"no-vu-connection-reuse", "noVUConnectionReuse"},
		{"discard-response-bodies", "discardResponseBodies"},
		{"blacklist-ip", "blacklistIPs"}, {"block-hostnames", "blockHostnames"},
		{"dns", "dns"}, {"local-ips", "localIPs"}, {"rps", "rps"}, {"http-debug", "httpDebug"},
		{"paused", "paused"},
		{"execution-segment", "executionSegment"}, {"execution-segment-sequence", "executionSegmentSequence"},
	}
}

// durationValue is -d/--duration: a duration with a unit (`-d 2` is refused).
type durationValue struct{ s string }

func (d *durationValue) String() string { return d.s }
func (d *durationValue) Type() string   { return "duration" }
func (d *durationValue) Set(s string) error {
	if _, err := wstest.ParseDuration(s); err != nil {
		return err
	}
	d.s = s
	return nil
}

// envValue is -e/--env: NAME=value, NAME alone sets "".
type envValue struct{ kv [][2]string }

func envNamePattern() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`) }

func (e *envValue) String() string { return "" }
func (e *envValue) Type() string   { return "VAR=value" }
func (e *envValue) Set(s string) error {
	k, v, _ := strings.Cut(s, "=")
	if !envNamePattern().MatchString(k) {
		return fmt.Errorf("invalid environment variable name '%s'", k)
	}
	e.kv = append(e.kv, [2]string{k, v})
	return nil
}

// tagValue is --tag: name=value, neither empty.
type tagValue struct{ kv [][2]string }

func (t *tagValue) String() string { return "" }
func (t *tagValue) Type() string   { return "tag" }
func (t *tagValue) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	switch {
	case !ok || k == "":
		return fmt.Errorf("error parsing tag '%s': invalid tag, empty name", s)
	case v == "":
		return fmt.Errorf("error parsing tag '%s': invalid tag, empty value", s)
	}
	t.kv = append(t.kv, [2]string{k, v})
	return nil
}

// choiceValue is a flag with a fixed set of values.
type choiceValue struct {
	v       string
	choices []string
	what    string
}

func (c *choiceValue) String() string { return c.v }
func (c *choiceValue) Type() string   { return "string" }
func (c *choiceValue) Set(s string) error {
	for _, ok := range c.choices {
		if s == ok {
			c.v = s
			return nil
		}
	}
	if c.what == "summary time unit" {
		return fmt.Errorf("invalid summary time unit '%s', use 's', 'ms' or 'us'", s)
	}
	return fmt.Errorf("invalid %s '%s', use one of %s", c.what, s, strings.Join(c.choices, ", "))
}

// trendStatsValue is --summary-trend-stats: avg, min, med, max, count, p(N).
type trendStatsValue struct{ s string }

func (t *trendStatsValue) String() string { return t.s }
func (t *trendStatsValue) Type() string   { return "stats" }
func (t *trendStatsValue) Set(s string) error {
	for _, stat := range strings.Split(s, ",") {
		stat = strings.TrimSpace(stat)
		switch stat {
		case "avg", "min", "med", "max", "count", "":
			continue
		}
		inner, ok := strings.CutPrefix(stat, "p(")
		if inner, ok2 := strings.CutSuffix(inner, ")"); ok && ok2 {
			if n, err := strconv.ParseFloat(inner, 64); err != nil || n < 0 || n > 100 {
				return fmt.Errorf("invalid percentile trend stat value '%s', provide a number between 0 and 100", stat)
			}
			continue
		}
		return fmt.Errorf("stat '%s' is unknown", stat)
	}
	t.s = s
	return nil
}

// intValue is an int64 flag whose error is strconv's, as k6 prints it
// (`strconv.ParseInt: parsing "abc": invalid syntax`).
type intValue struct{ p *int64 }

func (i intValue) String() string { return strconv.FormatInt(*i.p, 10) }
func (i intValue) Type() string   { return "int" }
func (i intValue) Set(s string) error {
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil {
		return err
	}
	*i.p = n
	return nil
}

// int64Flag defines an int64 flag with intValue.
func int64Flag(fs *pflag.FlagSet, p *int64, name, short string, def int64, usage string) {
	*p = def
	fs.VarP(intValue{p}, name, short, usage)
}
