package ws_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// run runs an inline script (one VU, one iteration) with __ENV.URL set to
// srv's base URL.
func run(t testing.TB, srv *fixtures.Server, src string, opts ...wstest.Option) *wstest.Result {
	t.Helper()
	return scripttest.Run(t, src, append([]wstest.Option{wstest.WithEnv("URL", srv.URL)}, opts...)...)
}

func newServer(t testing.TB, opts ...fixtures.Option) *fixtures.Server {
	t.Helper()
	srv := fixtures.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// infoLogs returns the console.log lines of a run.
func infoLogs(res *wstest.Result) []string {
	var out []string
	for _, l := range res.Logs {
		if l.Level == "info" {
			out = append(out, l.Message)
		}
	}
	return out
}

// errorTexts returns the iteration exceptions' messages.
func errorTexts(res *wstest.Result) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, e.Message)
	}
	return out
}

// eventTypes lists the types of the recorded events.
func eventTypes(res *wstest.Result) string {
	var out []string
	for _, e := range res.Events {
		out = append(out, e.Type)
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

// serverClose waits for the server's record of connection n (from 1) to
// end and returns the close code it received.
func serverClose(t testing.TB, srv *fixtures.Server, n int) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.WaitFor(ctx, func(cs []fixtures.ConnRecord) bool { return len(cs) >= n && !cs[n-1].Live() })
	if err != nil {
		t.Fatalf("connection %d did not end: %v", n, err)
	}
	return srv.Connections()[n-1].CloseCode
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
