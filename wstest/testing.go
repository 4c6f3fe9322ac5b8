package wstest

import (
	"context"
	"fmt"
	"strings"
)

// TB is the part of testing.TB that Test uses; *testing.T, *testing.B and
// Ginkgo's GinkgoT() all satisfy it.
type TB interface {
	Helper()
	Logf(format string, args ...any)
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Test runs the script file at path from a test. Console output goes to
// t.Logf as it happens. A run that could not happen, or whose thresholds
// failed, stops the test with t.Fatalf; failed checks and iteration
// exceptions fail it with t.Errorf. Either way the message is a readable
// report: the failing checks, thresholds and exceptions with their
// file:line:col. The result is returned for further assertions.
func Test(t TB, path string, opts ...Option) *Result {
	t.Helper()
	ctx := context.Background()
	if c, ok := t.(interface{ Context() context.Context }); ok {
		ctx = c.Context()
	}
	opts = append([]Option{WithLogOutput(func(e LogEntry) {
		t.Logf("%s: [vu %d] %s: %s", path, e.VU, e.Level, e.Message)
	})}, opts...)
	res, err := RunFile(ctx, path, opts...)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
		return res
	}
	report := res.Report()
	switch {
	case !res.ThresholdsPassed() || res.Aborted:
		t.Fatalf("%s:\n%s", path, report)
	case report != "":
		t.Errorf("%s:\n%s", path, report)
	}
	return res
}

// Report describes what went wrong in the run: aborts, failed thresholds,
// failed checks and iteration exceptions. It is empty for a clean run.
func (r *Result) Report() string {
	var b strings.Builder
	if r.Aborted {
		fmt.Fprintf(&b, "run aborted: %s\n", r.AbortReason)
	}
	if r.MarkedFailed {
		fmt.Fprintf(&b, "run marked failed: %s\n", r.FailReason)
	}
	for _, t := range r.Thresholds {
		if !t.OK {
			fmt.Fprintf(&b, "threshold failed: %s %s\n", t.Metric, t.Expression)
		}
	}
	for _, c := range r.Checks {
		if c.Fails > 0 {
			name := c.Name
			if c.Group != "" {
				name = c.Group + "::" + c.Name
			}
			fmt.Fprintf(&b, "check failed: %q %d of %d failed\n", name, c.Fails, c.Passes+c.Fails)
		}
	}
	const maxErrors = 10
	for i, e := range r.Errors {
		if i == maxErrors {
			fmt.Fprintf(&b, "... and %d more exceptions\n", len(r.Errors)-maxErrors)
			break
		}
		fmt.Fprintf(&b, "exception in vu %d iteration %d: %s\n", e.VU, e.Iteration, e.Error())
	}
	return b.String()
}
