package main

import (
	"context"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

const runUsage = `usage: wstest run [flags] SCRIPT

Runs a k6-style script (.js ES module or CommonJS, or .ts) with the embedded
fixture server started, its URLs in __ENV.WSTEST_URL and __ENV.WSTEST_WSS_URL.

flags:
`

// runFlags are the flags of `wstest run` (DESIGN.md contract 1).
type runFlags struct {
	vus, iterations optionalInt64
	duration        string
	env, tags, out  repeated
	fixtureHosts    repeated
	summaryExport   string
	summaryMode     string
	quiet           bool
	noFixtures      bool
	insecureSkipTLS bool
	timeScale       float64
	seed            optionalInt64
	k6Strict        bool
}

func newRunFlagSet(f *runFlags, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("wstest run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(&f.vus, "u", "number of VUs (short for --vus)")
	fs.Var(&f.vus, "vus", "number of VUs")
	fs.Var(&f.iterations, "i", "total iterations (short for --iterations)")
	fs.Var(&f.iterations, "iterations", "total iterations")
	fs.StringVar(&f.duration, "d", "", "test duration (short for --duration)")
	fs.StringVar(&f.duration, "duration", "", "test duration, e.g. 10s or 1m30s")
	fs.Var(&f.env, "e", "KEY=VALUE for __ENV (short for --env), repeatable")
	fs.Var(&f.env, "env", "KEY=VALUE for __ENV, repeatable")
	fs.Var(&f.tags, "tag", "KEY=VALUE added to every sample, repeatable")
	fs.Var(&f.out, "out", "json=FILE writes every sample as k6 NDJSON")
	fs.StringVar(&f.summaryExport, "summary-export", "", "write k6's summary-export JSON to FILE")
	fs.StringVar(&f.summaryMode, "summary-mode", "compact", "end-of-test summary: compact, full or disabled")
	fs.BoolVar(&f.quiet, "q", false, "no progress output (short for --quiet)")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress output")
	fs.BoolVar(&f.noFixtures, "no-fixtures", false, "do not start the embedded fixture server")
	fs.Var(&f.fixtureHosts, "fixture-host", "send connections to NAME[:PORT] (every port of NAME; ws, wss, http, https) to the embedded fixtures, which stand in for the demo hosts echo.websocket.org, localhost:10000, quickpizza.grafana.com and test-api.k6.io; repeatable")
	fs.BoolVar(&f.insecureSkipTLS, "insecure-skip-tls-verify", false, "skip TLS certificate verification")
	fs.Float64Var(&f.timeScale, "time-scale", 1, "timers fire F times sooner (0 < F <= 1)")
	fs.Var(&f.seed, "seed", "seed for Math.random and the jslib random helpers")
	fs.BoolVar(&f.k6Strict, "k6-strict", false, "make each use of a wstest-only behaviour a script error (exit 107), so the script runs on k6 unchanged")
	fs.Usage = func() {
		fmt.Fprint(stderr, runUsage)
		fs.PrintDefaults()
	}
	return fs
}

// runCommand is `wstest run`.
func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f runFlags
	fs := newRunFlagSet(&f, stderr)
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return wstest.ExitInvalidConfig
	}
	if len(positional) != 1 {
		fmt.Fprintf(stderr, "wstest run: expected one SCRIPT argument, got %d\n", len(positional))
		fs.Usage()
		return wstest.ExitInvalidConfig
	}
	script := positional[0]
	opts, cleanup, err := f.options(stderr)
	defer cleanup()
	if err != nil {
		fmt.Fprintf(stderr, "wstest run: %v\n", err)
		return wstest.ExitInvalidConfig
	}
	if !f.quiet {
		fmt.Fprintf(stderr, "wstest: running %s\n", script)
	}
	run := wstest.Start(ctx, wstest.Script{Name: script}, opts...)
	if !f.quiet {
		stop := progress(run, stderr)
		defer stop()
	}
	res, err := run.Wait()
	if err != nil {
		fmt.Fprintf(stderr, "wstest run: %v\n", err)
	}
	return f.report(res, err, stdout, stderr)
}

// options turns the flags into run options; cleanup closes what they opened.
func (f *runFlags) options(stderr io.Writer) ([]wstest.Option, func(), error) {
	var closers []func()
	cleanup := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	opts := []wstest.Option{wstest.WithSystemEnv(), wstest.WithLogOutput(func(e wstest.LogEntry) {
		fmt.Fprintf(stderr, "time=%q level=%s msg=%q source=console\n", e.Time.Format(time.RFC3339), e.Level, e.Message)
	})}
	if f.vus.set {
		if f.vus.v < 0 {
			return nil, cleanup, fmt.Errorf("--vus must not be negative, got %d", f.vus.v)
		}
		opts = append(opts, wstest.WithVUs(f.vus.v))
	}
	if f.iterations.set {
		if f.iterations.v < 0 {
			return nil, cleanup, fmt.Errorf("--iterations must not be negative, got %d", f.iterations.v)
		}
		opts = append(opts, wstest.WithIterations(f.iterations.v))
	}
	if f.duration != "" {
		d, err := wstest.ParseDuration(f.duration)
		if err != nil {
			return nil, cleanup, fmt.Errorf("invalid argument %q for \"-d, --duration\" flag: %w", f.duration, err)
		}
		opts = append(opts, wstest.WithDuration(d))
	}
	if !(f.timeScale > 0 && f.timeScale <= 1) {
		return nil, cleanup, fmt.Errorf("--time-scale must be in (0, 1], got %v", f.timeScale)
	}
	opts = append(opts, wstest.WithTimeScale(f.timeScale))
	if f.k6Strict {
		opts = append(opts, wstest.WithK6Strict())
	}
	if f.seed.set {
		opts = append(opts, wstest.WithSeed(f.seed.v))
	}
	if f.insecureSkipTLS {
		opts = append(opts, wstest.WithInsecureSkipTLSVerify())
	}
	switch f.summaryMode {
	case "compact", "full", "disabled":
	default:
		return nil, cleanup, fmt.Errorf("--summary-mode must be compact, full or disabled, got %q", f.summaryMode)
	}
	for _, t := range f.tags {
		k, v, err := keyValue("tag", t)
		if err != nil {
			return nil, cleanup, err
		}
		opts = append(opts, wstest.WithTag(k, v))
	}
	for _, o := range f.out {
		kind, file, ok := strings.Cut(o, "=")
		if !ok || kind != "json" || file == "" {
			return nil, cleanup, fmt.Errorf("--out %q: only json=FILE is supported", o)
		}
		fh, err := os.Create(file)
		if err != nil {
			return nil, cleanup, fmt.Errorf("--out: %w", err)
		}
		closers = append(closers, func() { _ = fh.Close() })
		opts = append(opts, wstest.WithJSONOutput(fh))
	}
	fixtureOpts, closeFixtures, err := f.fixtureOptions()
	closers = append(closers, closeFixtures)
	if err != nil {
		return nil, cleanup, err
	}
	opts = append(opts, fixtureOpts...)
	// -e comes last so that it wins over WSTEST_URL and WSTEST_WSS_URL.
	for _, e := range f.env {
		k, v, err := keyValue("env", e)
		if err != nil {
			return nil, cleanup, err
		}
		opts = append(opts, wstest.WithEnv(k, v))
	}
	return opts, cleanup, nil
}

// fixtureOptions starts the embedded fixture servers unless --no-fixtures.
func (f *runFlags) fixtureOptions() ([]wstest.Option, func(), error) {
	if f.noFixtures {
		if len(f.fixtureHosts) > 0 {
			return nil, func() {}, errors.New("--fixture-host needs the embedded fixtures: drop --no-fixtures")
		}
		return nil, func() {}, nil
	}
	// --fixture-host NAME[:PORT] sends every port of NAME to the fixtures;
	// they pick a demo host's stand-in by the Host header (fixtures.DemoHosts),
	// the generic routes for any other name.
	names := make([]string, len(f.fixtureHosts))
	for i, host := range f.fixtureHosts {
		names[i] = host
		if name, _, err := net.SplitHostPort(host); err == nil {
			names[i] = name
		}
	}
	// Nothing reads the server-side records in a command run: keep memory
	// flat. The stand-ins' server timers (pings) follow --time-scale.
	plain, err := fixtures.Listen(fixtures.WithRecording(false), fixtures.WithTimeScale(f.timeScale))
	if err != nil {
		return nil, func() {}, fmt.Errorf("starting the fixture server: %w", err)
	}
	secure, err := fixtures.ListenTLS(fixtures.WithRecording(false), fixtures.WithTimeScale(f.timeScale), fixtures.WithTLSNames(names...))
	if err != nil {
		plain.Close()
		return nil, func() {}, fmt.Errorf("starting the TLS fixture server: %w", err)
	}
	closeAll := func() { secure.Close(); plain.Close() }
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	pool.AddCert(secure.Certificate())
	opts := []wstest.Option{
		wstest.WithEnv("WSTEST_URL", plain.URL),
		wstest.WithEnv("WSTEST_WSS_URL", secure.URL),
		wstest.WithRootCAs(pool),
	}
	for _, name := range names {
		opts = append(opts, wstest.WithRedirect(name, plain.Addr, secure.Addr))
	}
	return opts, closeAll, nil
}

// report prints the summary, writes the summary export and returns the exit code.
func (f *runFlags) report(res *wstest.Result, err error, stdout, stderr io.Writer) int {
	code := wstest.ExitCode(res, err)
	if res == nil {
		return code
	}
	if out, ok := res.SummaryOutputs["stdout"]; ok {
		_, _ = stdout.Write(out)
	} else if f.summaryMode != "disabled" && err == nil {
		fmt.Fprint(stdout, res.SummaryMode(f.summaryMode))
	}
	if out, ok := res.SummaryOutputs["stderr"]; ok {
		_, _ = stderr.Write(out)
	}
	if f.summaryExport != "" {
		if werr := os.WriteFile(f.summaryExport, res.SummaryExport(), 0o644); werr != nil {
			fmt.Fprintf(stderr, "wstest run: --summary-export: %v\n", werr)
		}
	}
	return code
}

// progress prints a status line every second until stopped.
func progress(run *wstest.LiveRun, w io.Writer) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-run.Done():
				return
			case <-t.C:
				p := run.Progress()
				fmt.Fprintf(w, "running (%s), %d/%d VUs, %d complete and %d interrupted iterations\n",
					p.Elapsed.Round(100*time.Millisecond), p.ActiveVUs, p.VUs, p.Iterations, p.Interrupted)
			}
		}
	}()
	return func() { close(done); <-finished }
}
