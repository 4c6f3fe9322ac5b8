package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/onsi/gomega"
	"golang.org/x/sys/unix"

	"github.com/wsk6/wstest/wstest"
)

func TestFmtElapsed(t *testing.T) {
	tests := []struct {
		d, limit time.Duration
		want     string
	}{
		{time.Second, 5 * time.Second, "1.0s"},
		{time.Second, 12 * time.Second, "01.0s"},
		{61 * time.Second, 5 * time.Minute, "1m01.0s"},
		{100 * time.Millisecond, 10*time.Minute + 30*time.Second, "00m00.1s"},
		{time.Hour + time.Second, 2 * time.Hour, "1h00m01.0s"},
		{time.Hour + time.Second, 20 * time.Hour, "01h00m01.0s"},
		{25 * time.Hour, 48 * time.Hour, "1d01h00m00.0s"},
		{25 * time.Hour, 300 * time.Hour, "01d01h00m00.0s"},
		{12 * time.Second, 5 * time.Second, "12.0s"},                // longer than its limit: wider
		{1949 * time.Millisecond, 9960 * time.Millisecond, "01.9s"}, // the limit rounds to 10.0s
	}
	for _, tt := range tests {
		if got := fmtElapsed(tt.d, tt.limit); got != tt.want {
			t.Errorf("fmtElapsed(%v, %v) = %q, want %q", tt.d, tt.limit, got, tt.want)
		}
	}
}

// Scenarios in the states k6 draws, for TestProgressBlock.
var (
	fixedSc = wstest.ScenarioProgress{Name: "fixed", Executor: "shared-iterations", MaxVUs: 1, ActiveVUs: 1, Progress: 0.1,
		Elapsed: time.Second, Duration: 12 * time.Second, MaxDuration: 42 * time.Second, GracefulStop: 30 * time.Second,
		Iterations: 2, TotalIterations: 20, Started: true}
	steadySc = wstest.ScenarioProgress{Name: "steady", Executor: "constant-vus", MaxVUs: 2, ActiveVUs: 2, Progress: 0.1,
		Elapsed: time.Second, Duration: 10 * time.Second, MaxDuration: 11 * time.Second, GracefulStop: time.Second, Started: true}
	perVUSc = wstest.ScenarioProgress{Name: "pervu", Executor: "per-vu-iterations", MaxVUs: 2, Progress: 0.75,
		Elapsed: time.Second, Duration: 5 * time.Second, MaxDuration: 35 * time.Second, GracefulStop: 30 * time.Second,
		Iterations: 6, TotalIterations: 8, IterationsPerVU: 4, Started: true}
	rampSc = wstest.ScenarioProgress{Name: "ramp", Executor: "ramping-vus", MaxVUs: 10, ActivatedVUs: 3, ActiveVUs: 2,
		Progress: 1.0 / 3, Elapsed: time.Second, Duration: 3 * time.Second, MaxDuration: 33 * time.Second,
		GracefulStop: 30 * time.Second, Started: true}
	carSc = wstest.ScenarioProgress{Name: "car", Executor: "constant-arrival-rate", MaxVUs: 100, VUs: 10, Progress: 0.1,
		Elapsed: time.Second, Duration: 10 * time.Second, MaxDuration: 40 * time.Second, GracefulStop: 30 * time.Second,
		Rate: 5, MaxRate: 5, Started: true}
	rarSc = wstest.ScenarioProgress{Name: "rar", Executor: "ramping-arrival-rate", MaxVUs: 5, VUs: 2, ActiveVUs: 1,
		Progress: 0.5, Elapsed: 2 * time.Second, Duration: 4 * time.Second, MaxDuration: 34 * time.Second,
		GracefulStop: 30 * time.Second, Rate: 12.5, MaxRate: 100, Started: true}
)

// with returns sc changed by f.
func with(sc wstest.ScenarioProgress, f func(*wstest.ScenarioProgress)) wstest.ScenarioProgress {
	f(&sc)
	return sc
}

func TestProgressBlock(t *testing.T) {
	running := wstest.Progress{Elapsed: time.Second, VUs: 3, ActiveVUs: 3, Iterations: 4}
	runLine := "running (01.0s), 3/3 VUs, 4 complete and 0 interrupted iterations"
	finished := func(sc *wstest.ScenarioProgress) {
		sc.Finished, sc.Progress, sc.Elapsed = true, 1, sc.Duration+time.Second
	}
	tests := []struct {
		name      string
		p         wstest.Progress
		scs       []wstest.ScenarioProgress
		final     bool
		termWidth int
		color     bool
		want      []string
	}{
		{name: "running: columns aligned, the second padded past the shorter line's last", p: running,
			scs: []wstest.ScenarioProgress{steadySc, fixedSc}, want: []string{runLine,
				"fixed    [  10% ] 1 VUs  01.0s/12s  02/20 shared iters",
				"steady   [  10% ] 2 VUs  01.0s/10s "}},
		{name: "alone, nothing to pad", p: running, scs: []wstest.ScenarioProgress{steadySc}, want: []string{runLine,
			"steady   [  10% ] 2 VUs  01.0s/10s"}},
		{name: "per-vu-iterations and ramping-vus", p: running, scs: []wstest.ScenarioProgress{perVUSc, rampSc}, want: []string{runLine,
			"pervu   [  75% ] 2 VUs      1.0s/5s  6/8 iters, 4 per VU",
			"ramp    [  33% ] 03/10 VUs  1.0s/3.0s"}},
		{name: "arrival rates: running out of made VUs, the rate as wide as the highest", p: running,
			scs: []wstest.ScenarioProgress{carSc, rarSc}, want: []string{runLine,
				"car    [  10% ] 000/010 VUs  01.0s/10s  5.00 iters/s",
				"rar    [  50% ] 1/2 VUs      2.0s/4s    012.50 iters/s"}},
		{name: "before the scenarios begin: no columns", p: wstest.Progress{Stage: "setup"},
			scs:  []wstest.ScenarioProgress{with(steadySc, func(sc *wstest.ScenarioProgress) { *sc = wstest.ScenarioProgress{Name: sc.Name, Executor: sc.Executor} })},
			want: []string{"Run      [ 100% ] setup()", "steady   [   0% ]"}},
		{name: "waiting for its startTime", p: running, scs: []wstest.ScenarioProgress{fixedSc,
			{Name: "late", Executor: "constant-vus", StartTime: 5 * time.Second, Waiting: true, StartsIn: 4 * time.Second}},
			want: []string{runLine,
				"fixed   [  10% ] 1 VUs    01.0s/12s  02/20 shared iters",
				"late  • [   0% ] waiting  4.0s      "}},
		{name: "stopping: the columns as the duration ended", p: running, scs: []wstest.ScenarioProgress{
			with(steadySc, func(sc *wstest.ScenarioProgress) { sc.Elapsed, sc.Progress = 10500*time.Millisecond, 1 }),
			with(fixedSc, func(sc *wstest.ScenarioProgress) { sc.Elapsed = 13 * time.Second })},
			want: []string{runLine,
				"fixed  ↓ [  10% ] 1 VUs  12.0s/12s  02/20 shared iters",
				"steady ↓ [ 100% ] 2 VUs  10s       "}},
		{name: "without a gracefulStop no stopping", p: running, scs: []wstest.ScenarioProgress{
			with(steadySc, func(sc *wstest.ScenarioProgress) {
				sc.Elapsed, sc.Progress, sc.GracefulStop = 10500*time.Millisecond, 1, 0
			})},
			want: []string{runLine, "steady   [ 100% ] 2 VUs  10s"}},
		{name: "done and its finished forms", p: running, scs: []wstest.ScenarioProgress{with(steadySc, finished), with(rampSc, finished),
			with(fixedSc, func(sc *wstest.ScenarioProgress) { sc.Finished, sc.Progress, sc.Iterations = true, 1, 20 })},
			want: []string{runLine,
				"fixed  ✓ [ 100% ] 1 VUs      01.0s/12s  20/20 shared iters",
				"ramp   ✓ [ 100% ] 03/10 VUs  3s        ",
				"steady ✓ [ 100% ] 2 VUs      10s       "}},
		{name: "interrupted: short of its end, or stopped with the run", p: running, scs: []wstest.ScenarioProgress{
			with(fixedSc, func(sc *wstest.ScenarioProgress) { sc.Finished = true }),
			with(steadySc, func(sc *wstest.ScenarioProgress) { finished(sc); sc.Interrupted = true })},
			want: []string{runLine,
				"fixed  ✗ [  10% ] 1 VUs  01.0s/12s  02/20 shared iters",
				"steady ✗ [ 100% ] 2 VUs  10s       "}},
		{name: "teardown() padded to the first column", p: wstest.Progress{Stage: "teardown"}, scs: []wstest.ScenarioProgress{with(carSc, finished)},
			want: []string{"Run    [ 100% ] teardown()  ", "car  ✓ [ 100% ] 000/010 VUs  10s  5.00 iters/s"}},
		{name: "init, paused, the final running line", p: wstest.Progress{Stage: "init", VUs: 1, InitVUs: 3}, scs: []wstest.ScenarioProgress{{Name: "a"}},
			want: []string{"Init   [  33% ] 1/3 VUs initialized", "a      [   0% ]"}},
		{name: "paused", p: wstest.Progress{Stage: "paused"}, scs: []wstest.ScenarioProgress{{Name: "a"}},
			want: []string{"Run    [ 100% ] paused", "a      [   0% ]"}},
		{name: "final", p: wstest.Progress{Stage: "teardown", Elapsed: time.Second}, final: true, scs: []wstest.ScenarioProgress{{Name: "a"}},
			want: []string{"running (1.0s), 0/0 VUs, 0 complete and 0 interrupted iterations", "a      [   0% ]"}},
		{name: "final after an exception in setup()", p: wstest.Progress{Stage: "setup"}, final: true, scs: []wstest.ScenarioProgress{{Name: "a"}},
			want: []string{"Run    [ 100% ] setup()", "a      [   0% ]"}},
		{name: "final while paused", p: wstest.Progress{Stage: "paused"}, final: true, scs: []wstest.ScenarioProgress{{Name: "a"}},
			want: []string{"Run    [ 100% ] paused", "a      [   0% ]"}},
		{name: "names cut at 30 with an ellipsis", p: wstest.Progress{Stage: "setup"},
			scs: []wstest.ScenarioProgress{{Name: strings.Repeat("n", 31)}}, want: []string{
				"Run" + strings.Repeat(" ", 27) + "   [ 100% ] setup()", strings.Repeat("n", 27) + "...   [   0% ]"}},
		{name: "terminal: a 40 wide bar", p: running, termWidth: 200, scs: []wstest.ScenarioProgress{steadySc,
			with(fixedSc, func(sc *wstest.ScenarioProgress) { sc.Progress = 0 }), with(carSc, func(sc *wstest.ScenarioProgress) { sc.Progress = 1 })},
			want: []string{runLine,
				"car      [" + strings.Repeat("=", 38) + "] 000/010 VUs  01.0s/10s  5.00 iters/s",
				"fixed    [" + strings.Repeat("-", 38) + "] 1 VUs        01.0s/12s  02/20 shared iters",
				"steady   [==>" + strings.Repeat("-", 35) + "] 2 VUs        01.0s/10s "}},
		// The line without its bar is 45 wide; one column stays free.
		{name: "terminal: narrowed to fit", p: running, termWidth: 66, scs: []wstest.ScenarioProgress{fixedSc},
			want: []string{runLine, "fixed   [>" + strings.Repeat("-", 17) + "] 1 VUs  01.0s/12s  02/20 shared iters"}},
		{name: "terminal: narrowest bar", p: running, termWidth: 55, scs: []wstest.ScenarioProgress{fixedSc},
			want: []string{runLine, "fixed   [-------] 1 VUs  01.0s/12s  02/20 shared iters"}},
		{name: "terminal: too narrow for a bar", p: running, termWidth: 54, scs: []wstest.ScenarioProgress{fixedSc},
			want: []string{runLine, "fixed   [  10% ] 1 VUs  01.0s/12s  02/20 shared iters"}},
		{name: "colour", p: running, termWidth: 70, color: true, scs: []wstest.ScenarioProgress{
			with(steadySc, finished), with(fixedSc, func(sc *wstest.ScenarioProgress) { sc.Finished = true }),
			{Name: "late", Executor: "constant-vus", StartTime: 5 * time.Second, Waiting: true, StartsIn: 4 * time.Second}},
			want: []string{runLine,
				"fixed  \x1b[31m✗\x1b[0m [>\x1b[2m" + strings.Repeat("-", 18) + "\x1b[0m] 1 VUs    01.0s/12s  02/20 shared iters",
				"steady \x1b[32m✓\x1b[0m [" + strings.Repeat("=", 19) + "\x1b[2m\x1b[0m] 2 VUs    10s       ",
				"late   \x1b[2m•\x1b[0m [\x1b[2m" + strings.Repeat("-", 19) + "\x1b[0m] waiting  4.0s      "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := progressBlock(tt.p, tt.scs, tt.final, tt.termWidth, tt.color)
			NewWithT(t).Expect(got).To(Equal(tt.want))
		})
	}
}

// TestHeaderAndProgressWithoutATerminal: as in k6, the header, a block a
// second and, after the summary, the final state, all on stdout; log
// lines on stderr.
func TestHeaderAndProgressWithoutATerminal(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "testdata/long.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(HavePrefix("\n     execution: local\n        script: testdata/long.js\n        output: -\n\n" +
		"     scenarios: (100.00%) 2 scenarios, 3 max VUs, 42s max duration (incl. graceful stop):\n" +
		"              * fixed: 4 iterations shared among 1 VUs (maxDuration: 12s, gracefulStop: 30s)\n" +
		"              * steady: 2 looping VUs for 1.2s (exec: other, startTime: 100ms, gracefulStop: 1s)\n\n"))
	g.Expect(r.stdout).To(MatchRegexp(`\n\nrunning \(\d\d\.\ds\), \d/3 VUs, \d+ complete and 0 interrupted iterations\n` +
		`fixed    \[ *\d+% \] `))
	g.Expect(r.stdout).To(MatchRegexp(`\n  █ TOTAL RESULTS \n(.*\n)+\n\n\n` +
		`running \(\d\d\.\ds\), 0/3 VUs, \d+ complete and 0 interrupted iterations\n` +
		`fixed  ✓ \[ 100% \] 1 VUs  \d\d\.\ds/12s  4/4 shared iters\n` +
		`steady ✓ \[ 100% \] 2 VUs  1\.2s      \n$`)) // padded to the time column above
	g.Expect(r.stdout).To(MatchRegexp(`\n    vus_max\.+: 3 `), "sampled once a second: the run lasts more than one")
	g.Expect(r.stdout + r.stderr).NotTo(ContainSubstring("\x1b["))
	g.Expect(strings.Split(r.stderr, "\n")).To(HaveExactElements(ContainSubstring("setup line"), ContainSubstring("iteration line"), ""))

	r = wstestCLI(t, nil, "", "run", "-q", "testdata/long.js")
	g.Expect(r.stdout).NotTo(ContainSubstring("execution: local"))
	g.Expect(r.stdout).NotTo(ContainSubstring("running ("))
}

// TestHeaderAndFinalBlockPerExecutor: each scenario's description in the
// header, sorted by start time then name, with exec and startTime before
// gracefulStop; the executors' texts in the final block.
func TestHeaderAndFinalBlockPerExecutor(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "testdata/executors.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("     scenarios: (100.00%) 3 scenarios, 5 max VUs, 35.1s max duration (incl. graceful stop):\n" +
		"              * z: 2 iterations for each of 2 VUs (maxDuration: 5s, gracefulStop: 30s)\n" +
		"              * a: Up to 2 looping VUs for 200ms over 1 stages (gracefulRampDown: 0s, startTime: 100ms, gracefulStop: 1s)\n" +
		"              * b: 3 iterations shared among 1 VUs (maxDuration: 5s, exec: other, startTime: 100ms, gracefulStop: 30s)\n\n"))
	g.Expect(r.stdout).To(MatchRegexp(`\n\n\nrunning \(0\d\.\ds\), 0/5 VUs, \d+ complete and 0 interrupted iterations\n` +
		`z    ✓ \[ 100% \] 2 VUs    \d\.\ds/5s  4/4 iters, 2 per VU\n` +
		`a    ✓ \[ 100% \] 0/2 VUs  200ms   \n` +
		`b    ✓ \[ 100% \] 1 VUs    \d\.\ds/5s  3/3 shared iters\n$`))
}

// TestArrivalRateProgressWithoutATerminal: running VUs out of those made,
// the time, the rate with two decimals.
func TestArrivalRateProgressWithoutATerminal(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "testdata/rate.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(HaveSuffix("\nrate ✓ [ 100% ] 0/2 VUs  1s  10.00 iters/s\n"))
}

// openPTY opens a pseudo-terminal pair: the controlling side and the
// terminal a process writes to.
func openPTY(t *testing.T) (control, tty *os.File) {
	t.Helper()
	control, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(control.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	return control, tty
}

// runOnATerminal runs the built command with stdout and stderr on a
// pseudo-terminal cols wide (0: one that does not say) and returns what
// the terminal received.
func runOnATerminal(t *testing.T, cols uint16, args ...string) string {
	t.Helper()
	control, tty := openPTY(t)
	defer control.Close()
	if cols > 0 {
		if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: cols, Row: 24}); err != nil {
			t.Fatal(err)
		}
	}
	p := startOnTerminal(t, tty, args...)
	tty.Close()
	out := readStream(control)
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	control.Close()
	<-out.done
	return out.String()
}

// TestProgressOnATerminal: on a terminal the block is redrawn in place
// about ten times a second, in colour unless --no-color; log lines take
// logrus's short coloured form and are written above the block, which is
// taken off first; header and summary values are cyan, titles bold.
func TestProgressOnATerminal(t *testing.T) {
	g := NewWithT(t)
	text := runOnATerminal(t, 0, "run", "testdata/long.js")
	// As k6 draws it: a blank line, the 3 lines, each erasing the rest of
	// its line, then back up over the 4 to the top.
	g.Expect(strings.Count(text, "\r\x1b[J\x1b[4A")).To(BeNumerically(">=", 5), text)
	g.Expect(text).To(ContainSubstring("\x1b[K"))
	// 80 columns assumed: the longest line without its bar is 44 wide.
	g.Expect(text).To(MatchRegexp(`fixed  \x1b\[32m✓\x1b\[0m \[={33}\x1b\[2m\x1b\[0m\] 1 VUs`))
	g.Expect(text).To(MatchRegexp(`\x1b\[36mINFO\x1b\[0m\[\d{4}\] setup line +\x1b\[36msource\x1b\[0m=console`))
	// A log line takes the block's place, erasing what is left of its
	// line, and the block is drawn again below it.
	g.Expect(text).To(MatchRegexp(`\x1b\[4A\x1b\[36mINFO\x1b\[0m\[0000\] iteration line +\x1b\[36msource\x1b\[0m=console\x1b\[0K\n\x1b\[K\nrunning \(`))
	g.Expect(text).To(ContainSubstring("        script: \x1b[36mtestdata/long.js\x1b[0m\n"))
	g.Expect(text).To(ContainSubstring("\x1b[1m  █ TOTAL RESULTS \x1b[0m"))
	g.Expect(text).To(MatchRegexp(`iterations\.+: \x1b\[36m\d+\x1b\[0m`))

	text = runOnATerminal(t, 200, "run", "--no-color", "testdata/long.js")
	g.Expect(strings.Count(text, "\r\x1b[J\x1b[4A")).To(BeNumerically(">=", 5), text)
	g.Expect(text).To(MatchRegexp(`fixed  ✓ \[={38}\] 1 VUs`)) // 40 wide at most
	g.Expect(text).To(ContainSubstring(`level=info msg="setup line" source=console`))
	g.Expect(text).NotTo(ContainSubstring("\x1b[32m"))
	g.Expect(text).NotTo(ContainSubstring("\x1b[36m"))
	g.Expect(text).To(ContainSubstring("  █ TOTAL RESULTS \n"))

	// Too narrow for a bar: percentages, as off a terminal.
	text = runOnATerminal(t, 50, "run", "--no-color", "testdata/long.js")
	g.Expect(text).To(ContainSubstring("fixed  ✓ [ 100% ] 1 VUs"))
	g.Expect(text).NotTo(MatchRegexp(`\[[=>-]+\]`))
}

// TestColourVariables: NO_COLOR (any value, empty too) and K6_NO_COLOR
// (when not empty) turn colour off on a terminal, as --no-color does.
func TestColourVariables(t *testing.T) {
	for _, tt := range []struct {
		name   string
		env    map[string]string
		colour bool
	}{
		{"default", nil, true},
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, false},
		{"NO_COLOR empty", map[string]string{"NO_COLOR": ""}, false},
		{"K6_NO_COLOR", map[string]string{"K6_NO_COLOR": "true"}, false},
		{"K6_NO_COLOR empty", map[string]string{"K6_NO_COLOR": ""}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestOnTerminal(t, tt.env, "run", "-i", "1", "testdata/console.js")
			g.Expect(r.code).To(Equal(0), r.stderr)
			for _, text := range []string{
				"        script: \x1b[36mtestdata/console.js\x1b[0m\n", // header value
				"\x1b[1m  █ TOTAL RESULTS \x1b[0m",                     // summary title
				"\x1b[36mINFO\x1b[0m",                                  // log level on stderr
			} {
				if tt.colour {
					g.Expect(r.stdout + r.stderr).To(ContainSubstring(text))
				} else {
					g.Expect(r.stdout + r.stderr).NotTo(ContainSubstring(text))
				}
			}
			if !tt.colour {
				g.Expect(r.stdout).To(ContainSubstring("        script: testdata/console.js\n"))
				g.Expect(r.stderr).To(ContainSubstring(`level=info msg=open source=console`))
			}
		})
	}
}

// After an exception in setup() the summary is still printed, and the
// final progress block shows the run stopped in setup(), as k6's does.
func TestFinalProgressAfterASetupException(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "testdata/setup_throw.js")
	g.Expect(r.code).To(Equal(107), r.stderr)
	g.Expect(r.stdout).To(MatchRegexp(`█ TOTAL RESULTS (.*\n)+\n\n\nRun +\[ 100% \] setup\(\)\ndefault +\[   0% \]\n$`))
}

// With -q the header goes to the debug log instead, as k6's does: seen
// with -v, absent without.
func TestQuietHeaderGoesToTheDebugLog(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-q", "-v", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`level=debug msg="     execution: local\n        script: testdata/ok.js\n        output: -\n\n     scenarios: (100.00%) 1 scenario, 1 max VUs,`))
	g.Expect(r.stdout).NotTo(ContainSubstring("execution: local"))
	r = wstestCLI(t, nil, "", "run", "-q", "testdata/ok.js")
	g.Expect(r.stdout + r.stderr).NotTo(ContainSubstring("execution: local"))
}
