package wstest_test

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

func run(t *testing.T, path string, opts ...wstest.Option) (*wstest.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return wstest.RunFile(ctx, path, opts...)
}

func messages(res *wstest.Result) []string {
	var out []string
	for _, l := range res.Logs {
		out = append(out, l.Message)
	}
	return out
}

func TestVUAndIterationNumbering(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/numbering.js")
	g.Expect(err).NotTo(HaveOccurred())
	got := messages(res)
	sort.Strings(got)
	g.Expect(got).To(Equal([]string{"1:0", "1:1", "2:0", "2:1", "3:0", "3:1"}))
	g.Expect(res.Iterations).To(BeEquivalentTo(6))
}

func TestExecutors(t *testing.T) {
	tests := []struct {
		name     string
		executor string
		check    func(g Gomega, iterations int64, d time.Duration)
	}{
		{"shared iterations run exactly the total", "shared", func(g Gomega, n int64, _ time.Duration) {
			g.Expect(n).To(BeEquivalentTo(10))
		}},
		{"per-vu iterations run vus times iterations", "pervu", func(g Gomega, n int64, _ time.Duration) {
			g.Expect(n).To(BeEquivalentTo(6))
		}},
		{"constant vus iterate for the duration", "constant", func(g Gomega, n int64, d time.Duration) {
			// 2 VUs, iterations of at least 20 ms, 300 ms: each VU starts at
			// most 15. How many do start depends on the machine's load, so
			// the lower bound is only that the scenario ran.
			g.Expect(n).To(BeNumerically(">=", 1))
			g.Expect(n).To(BeNumerically("<=", 30))
			g.Expect(d).To(BeNumerically(">=", 300*time.Millisecond))
		}},
		{"ramping vus follow the stages", "ramping", func(g Gomega, n int64, d time.Duration) {
			// Iterations only start while a VU is active: how many depends on
			// the machine's load, not a promise.
			g.Expect(n).To(BeNumerically(">=", 1))
			g.Expect(d).To(BeNumerically(">=", 400*time.Millisecond))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := run(t, "testdata/executors.js", wstest.WithEnv("EXECUTOR", tt.executor))
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(res.Errors).To(BeEmpty())
			tt.check(g, res.Iterations, res.Duration)
			g.Expect(res.Metric("iterations").Count()).To(Equal(res.Iterations))
			g.Expect(res.Metric("iteration_duration").Count()).To(Equal(res.Iterations))
		})
	}
}

func TestCommandLineOptionsWinOverTheScript(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/numbering.js", wstest.WithVUs(2), wstest.WithIterations(5))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Iterations).To(BeEquivalentTo(5))
	// The script's 3 VUs would log "3:..." lines; the command line's 2 do not.
	g.Expect(res.Logs).To(HaveEach(HaveField("Message", Or(HavePrefix("1:"), HavePrefix("2:"), HavePrefix(`"cli"`)))))
	// As with k6's -i, the script's scenarios are dropped, and k6's warning says so.
	g.Expect(res.Logs).To(ContainElement(And(HaveField("Level", "warning"),
		HaveField("Message", `"cli" level configuration overrode scenarios configuration entirely`))))
}

func TestIterationExceptionIsCountedAndLogged(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/iteration_error.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Iterations).To(BeEquivalentTo(2), "k6 counts an iteration that threw as complete")
	g.Expect(res.Errors).To(HaveLen(2))
	e := res.Errors[0]
	g.Expect(e.File).To(Equal("testdata/iteration_error.js"))
	g.Expect(e.Line).To(Equal(5))
	g.Expect(e.Column).To(Equal(9))
	g.Expect(e.Message).To(Equal("Error: boom 42"))
	g.Expect(res.Logs).To(ContainElement(HaveField("Level", "error")))
	g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitOK))
}

func TestUnhandledRejectionEndsTheIteration(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/rejection.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Errors).To(HaveLen(1))
	g.Expect(res.Errors[0].Message).To(HavePrefix("Uncaught (in promise) TypeError: async boom"))
}

func TestTypeScriptExceptionPosition(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/typed.ts")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Errors).To(HaveLen(1))
	e := res.Errors[0]
	g.Expect([]any{e.File, e.Line, e.Message}).To(Equal([]any{"testdata/typed.ts", 7, "Error: ts boom hi"}))
}

func TestScriptErrorsEndTheRun(t *testing.T) {
	tests := []struct {
		name, path, stage, message string
		line, column               int
	}{
		{"exception in init", "testdata/init_error.js", "init", "TypeError: Cannot read property 'field' of undefined", 4, 25},
		{"exception in setup", "testdata/setup_error.js", "setup", "Error: setup failed on purpose", 2, 9},
		{"exception in teardown", "testdata/teardown_error.js", "teardown", "Error: teardown failed on purpose", 4, 9},
		{"syntax error", "testdata/syntax_error.js", "init", "SyntaxError: Unexpected \";\"", 2, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := run(t, tt.path)
			var se *wstest.ScriptError
			g.Expect(errors.As(err, &se)).To(BeTrue(), "error %v", err)
			g.Expect(se.Stage).To(Equal(tt.stage))
			g.Expect(se.File).To(Equal(tt.path))
			g.Expect(se.Message).To(ContainSubstring(tt.message))
			g.Expect([]int{se.Line, se.Column}).To(Equal([]int{tt.line, tt.column}))
			g.Expect(err.Error()).To(ContainSubstring(tt.path))
			g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitScriptException))
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, path, want string
		code             int
	}{
		{"missing default export", "testdata/no_default.js", "no exported functions in script", wstest.ExitScriptException},
		{"bad duration", "testdata/bad_duration.js", `invalid option "duration"`, wstest.ExitInvalidConfig},
		{"negative vus", "testdata/negative_vus.js", "scenario default has configuration errors: the number of VUs must be more than 0", wstest.ExitInvalidConfig},
		{"bogus trend stat", "testdata/bad_trend_stat.js", `summary trend stat "bogus" is not one of avg, min, med, max, count or p(N)`, wstest.ExitInvalidConfig},
		{"unreadable file", "testdata/does_not_exist.js", "cannot read the script", wstest.ExitScriptException},
		{"invalid metric name", "testdata/bad_metric_name.js", "testdata/bad_metric_name.js:3:13: GoError: Invalid metric name: 'no spaces allowed'", wstest.ExitInvalidConfig},
		{"invalid threshold", "testdata/bad_threshold.js", `invalid threshold defined on iterations`, wstest.ExitInvalidConfig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			res, err := run(t, tt.path)
			g.Expect(err).To(MatchError(ContainSubstring(tt.want)))
			g.Expect(err.Error()).To(ContainSubstring(tt.path))
			g.Expect(wstest.ExitCode(res, err)).To(Equal(tt.code))
		})
	}
}

func TestUnknownOptionsWarn(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/unknown_option.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Logs).To(ContainElement(And(
		HaveField("Level", "warning"),
		HaveField("Message", ContainSubstring("notAnOption")))))
}

func TestCancellationEndsTheRunQuickly(t *testing.T) {
	g := NewWithT(t)
	ctx, cancel := context.WithCancel(context.Background())
	live := wstest.Start(ctx, wstest.Script{Name: "testdata/forever.js"})
	g.Eventually(func() int64 { return live.Progress().ActiveVUs }).Should(BeEquivalentTo(2))
	cancelled := time.Now()
	cancel()
	_, err := live.Wait()
	took := time.Since(cancelled)
	t.Logf("run ended %v after cancel", took)
	g.Expect(err).To(MatchError(context.Canceled))
	g.Expect(took).To(BeNumerically("<", 100*time.Millisecond))
}

func TestAbortStopsTheRun(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/abort.js")
	g.Expect(err).To(MatchError(wstest.ErrAborted))
	g.Expect(err.Error()).To(ContainSubstring("enough"))
	g.Expect(res.Aborted).To(BeTrue())
	g.Expect(res.Iterations).To(BeNumerically("<", 5))
	g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitScriptAborted))
}

func TestSetupDataReachesIterationsAndTeardown(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/smoke.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Checks).To(ConsistOf(wstest.Check{Name: "has greeting", Group: "::g1", Passes: 4}))
	g.Expect(messages(res)).To(ContainElement("teardown hello"))
	g.Expect(res.Metric("hits").Count()).To(BeEquivalentTo(4))
	// Every hit came from VU 1 or 2; how the 4 shared iterations split
	// between them is the executor's business, not a promise.
	byVU1 := res.Metric("hits").Sub(map[string]string{"vu": "1"}).Count()
	byVU2 := res.Metric("hits").Sub(map[string]string{"vu": "2"}).Count()
	g.Expect(byVU1 + byVU2).To(BeEquivalentTo(4))
}

func TestSeedMakesRunsRepeatable(t *testing.T) {
	g := NewWithT(t)
	line := func(seed int64) string {
		res, err := run(t, "testdata/seeded.js", wstest.WithSeed(seed))
		g.Expect(err).NotTo(HaveOccurred())
		g.Expect(res.Logs).To(HaveLen(1))
		return res.Logs[0].Message
	}
	first := line(7)
	g.Expect(first).To(MatchRegexp(`^0\.\d+ [a-z]{8} [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`))
	g.Expect(line(7)).To(Equal(first))
	g.Expect(line(8)).NotTo(Equal(first))
}

func TestRemoteImportIsRefusedWithAWayOut(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/remote_import.js")
	g.Expect(err).To(MatchError(And(
		ContainSubstring("testdata/remote_import.js"),
		ContainSubstring(`"https://example.com/lib.js"`),
		ContainSubstring("WithModule"))))
	g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitScriptException))

	res, err = run(t, "testdata/remote_import.js",
		wstest.WithModule("https://example.com/lib.js", `export function thing() { console.log("vendored"); }`))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(messages(res)).To(Equal([]string{"vendored"}))
}

// open() reaches a file beside the script's folder, as in k6.
func TestOpenReachesFilesOutsideTheScriptsFolder(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/beside/escape.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Logs).To(HaveLen(1))
}

func TestInvalidAddWarnsAndReturnsFalse(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/bad_add.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(messages(res)).To(Equal([]string{
		"'abc' is an invalid value for metric 'waiting_time', a number or a boolean value is expected",
		"added=false",
		"added=true",
	}))
	g.Expect(res.Metric("waiting_time").Count()).To(BeEquivalentTo(1))
}

func TestConsoleLevelsAndFormatting(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/console.js")
	g.Expect(err).NotTo(HaveOccurred())
	var got []string
	for _, l := range res.Logs {
		got = append(got, l.Level+" "+l.Message)
	}
	g.Expect(got).To(Equal([]string{
		"info plain words 1.5 true null undefined",
		`info { a: 1, b: "x", nested: { list: [ 1, "two" ] } }`,
		"warning [ 1, 2, 3 ] [object Function]",
		`error { name: "loop", self: [Circular] } Error: bad`,
		"debug Uint8Array(2) [ 1, 2 ] ArrayBuffer { [Uint8Contents]: <01 ff>, byteLength: 2 }",
		`info "1970-01-01T00:00:00.000Z"`,
	}))
}

func TestAbortStillRunsTeardownAndSummary(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/abort_teardown.js")
	g.Expect(err).To(MatchError(wstest.ErrAborted))
	g.Expect(messages(res)).To(ContainElement("teardown ran"))
	g.Expect(res.Thresholds).To(HaveLen(1))
	g.Expect(res.Summary()).To(ContainSubstring("iterations"))
}

func TestThresholdAbortOnFailStopsTheRunWithExit99(t *testing.T) {
	g := NewWithT(t)
	res, err := run(t, "testdata/threshold_abort.js")
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res.Aborted).To(BeTrue())
	g.Expect(res.AbortReason).To(ContainSubstring("failures"))
	g.Expect(res.Duration).To(BeNumerically("<", 9*time.Second), "aborted at the first evaluation, after about 2 s")
	g.Expect(res.ExitCode()).To(Equal(wstest.ExitThresholdsFailed))
}
