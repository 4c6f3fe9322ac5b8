package wstest

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// TB is the part of testing.TB that Test and StartTest use; *testing.T,
// *testing.B and Ginkgo's GinkgoT() all satisfy it.
type TB interface {
	Helper()
	Logf(format string, args ...any)
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// Test runs the script file at path from a test and returns the result
// for further assertions.
//
// What the run prints goes to the test's log, seen with go test -v and
// for a failed test: the script's console lines as they happen, then k6's
// end-of-test summary. With Go 1.25's T.Output they are written as they
// are, without the file:line prefix of t.Logf.
//
// A run that could not happen, or whose thresholds failed, stops the test
// with t.Fatalf; failed checks and iteration exceptions fail it with
// t.Errorf. The message is a readable report (see Result.Report): each
// failed threshold with the value it measured (p(95)=441.12µs), the
// failing checks, and the exceptions with their file:line:col and stack.
//
// The run stops early when the test's context (T.Context) is cancelled.
func Test(t TB, path string, opts ...Option) *Result {
	t.Helper()
	out := testOutput(t)
	opts = append([]Option{WithLogOutput(func(e LogEntry) { out.line(consoleLine(path, e)) })}, opts...)
	res, err := RunFile(testContext(t), path, opts...)
	if err != nil {
		out.summary(path, res)
		t.Fatalf("%s: %s", path, describeRunError(err))
		return res
	}
	out.summary(path, res)
	report := res.Report()
	switch {
	case !res.ThresholdsPassed() || res.Aborted:
		t.Fatalf("%s:\n%s", path, report)
	case report != "":
		t.Errorf("%s:\n%s", path, report)
	}
	return res
}

// testContext is the test's context where the TB has one (Go 1.24).
func testContext(t TB) context.Context {
	if c, ok := t.(interface{ Context() context.Context }); ok {
		return c.Context()
	}
	return context.Background()
}

// consoleLine renders one console line for the test log.
func consoleLine(path string, e LogEntry) string {
	return fmt.Sprintf("%s: [vu %d] %s: %s", path, e.VU, e.Level, e.Message)
}

// testLog writes to a test's log: through T.Output where the TB has it (Go
// 1.25), so that lines carry no file:line of this package, else t.Logf.
type testLog struct {
	t TB
	w io.Writer // nil without Output
}

func testOutput(t TB) testLog {
	if o, ok := t.(interface{ Output() io.Writer }); ok {
		return testLog{t: t, w: o.Output()}
	}
	return testLog{t: t}
}

// line writes one line.
func (l testLog) line(s string) {
	if l.w == nil {
		l.t.Logf("%s", s)
		return
	}
	fmt.Fprintln(l.w, s)
}

// summary writes k6's end-of-test summary of the run of path, if it had one.
func (l testLog) summary(path string, res *Result) {
	text := strings.TrimRight(res.Summary(), "\n") + "\n"
	if text == "\n" {
		return
	}
	if l.w == nil {
		l.t.Logf("%s: end-of-test summary:\n%s", path, text)
		return
	}
	fmt.Fprintf(l.w, "%s: end-of-test summary:\n%s", path, text)
}
