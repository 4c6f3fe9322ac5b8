package main

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

// exitUsage is k6's exit code for command-line errors and unreadable scripts.
const exitUsage = 255

// runCommand is `wstest run`: k6 run for one machine.
func (c *cli) runCommand(args []string) int {
	var f runFlags
	fs := newRunFlagSet(&f)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	log := &logger{w: c.stderr, now: c.now}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(c.stdout, runHelp(fs))
			return 0
		}
		log.errorf("%s", err)
		return exitUsage
	}
	if !oneScriptArg(fs, log) {
		return exitUsage
	}
	if err := f.readEnv(fs, c.getenv); err != nil {
		log.errorf("%s", err)
		return wstest.ExitInvalidConfig
	}
	log, closeLog, err := f.logger(c)
	if err != nil {
		(&logger{w: c.stderr, now: c.now}).errorf("%s", err)
		return exitUsage
	}
	defer closeLog()
	plan, err := f.prepare(c, fs, log)
	defer plan.cleanup()
	if err != nil {
		return prepareFailed(err, log)
	}
	return plan.execute(c, &f, log)
}

// oneScriptArg reports whether the command line names one script, as
// k6's commands want; it logs k6's error when not.
func oneScriptArg(fs *pflag.FlagSet, log *logger) bool {
	if fs.NArg() == 1 {
		return true
	}
	log.errorf(`accepts 1 arg(s), received %d: arg should either be "-", if reading script from stdin, or a path to a script file`, fs.NArg())
	return false
}

// prepareFailed logs why a run could not be prepared and returns k6's
// exit code: 255 for a command-line error, 104 for a configuration one.
func prepareFailed(err error, log *logger) int {
	log.errorf("%s", err)
	var usage usageError
	if errors.As(err, &usage) {
		return exitUsage
	}
	return wstest.ExitInvalidConfig
}

// scriptOf reads the script argument: "-" is the standard input; a path
// that cannot be read is a usage error (k6 exits 255 on it).
func scriptOf(arg string, stdin io.Reader) (wstest.Script, error) {
	if arg == "-" {
		src, err := io.ReadAll(stdin)
		if err != nil {
			return wstest.Script{}, usageError{fmt.Errorf("reading the script from stdin: %w", err)}
		}
		return wstest.Script{Name: "-", Source: string(src)}, nil
	}
	st, err := os.Stat(arg)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return wstest.Script{}, usageError{fmt.Errorf("The moduleSpecifier %q couldn't be found on local disk. "+
			"Make sure that you've specified the right path to the file.", arg)}
	case err != nil:
		return wstest.Script{}, usageError{err}
	case st.IsDir():
		abs, _ := filepath.Abs(arg)
		return wstest.Script{}, usageError{fmt.Errorf("read %s: is a directory", abs)}
	}
	return wstest.Script{Name: arg}, nil
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
