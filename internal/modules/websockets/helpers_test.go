package websockets_test

import (
	"strings"
	"testing"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// run runs an inline ES module script (one VU, one iteration unless opts
// say otherwise) with URL set to srv's base URL.
func run(t testing.TB, srv *fixtures.Server, src string, opts ...wstest.Option) *wstest.Result {
	t.Helper()
	return scripttest.Run(t, src, withURL(srv, opts)...)
}

// runErr is run without failing on a run error.
func runErr(t testing.TB, srv *fixtures.Server, src string, opts ...wstest.Option) (*wstest.Result, error) {
	t.Helper()
	return scripttest.RunErr(t, src, withURL(srv, opts)...)
}

// withURL puts __ENV.URL = srv.URL before opts (nil srv: opts alone).
func withURL(srv *fixtures.Server, opts []wstest.Option) []wstest.Option {
	if srv == nil {
		return opts
	}
	return append([]wstest.Option{wstest.WithEnv("URL", srv.URL)}, opts...)
}

// logs returns the messages of the run's logs at level (all if "").
func logs(res *wstest.Result, level string) []string {
	var out []string
	for _, l := range res.Logs {
		if level == "" || l.Level == level {
			out = append(out, l.Message)
		}
	}
	return out
}

// infoLogs returns console.log lines.
func infoLogs(res *wstest.Result) []string { return logs(res, "info") }

// errorTexts returns the iteration exceptions' messages.
func errorTexts(res *wstest.Result) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, e.Message)
	}
	return out
}

// eventTypes lists the types of the recorded events of one socket (0: all).
func eventTypes(res *wstest.Result, socket int64) string {
	var out []string
	for _, e := range res.Events {
		if socket == 0 || e.Socket == socket {
			out = append(out, e.Type)
		}
	}
	return strings.Join(out, ",")
}

// count returns a metric's sample count (0 when absent).
func count(res *wstest.Result, name string) int64 {
	m := res.Metric(name)
	if m == nil {
		return 0
	}
	return m.Count()
}

func newServer(t testing.TB, opts ...fixtures.Option) *fixtures.Server {
	t.Helper()
	srv := fixtures.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}
