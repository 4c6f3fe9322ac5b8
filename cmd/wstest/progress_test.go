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
	}
	for _, tt := range tests {
		if got := fmtElapsed(tt.d, tt.limit); got != tt.want {
			t.Errorf("fmtElapsed(%v, %v) = %q, want %q", tt.d, tt.limit, got, tt.want)
		}
	}
}

func TestProgressBlock(t *testing.T) {
	g := NewWithT(t)
	scs := []wstest.ScenarioProgress{
		{Name: "steady", Executor: "constant-vus", MaxVUs: 2, ActiveVUs: 2, Progress: 0.1, Elapsed: time.Second,
			Duration: 10 * time.Second, MaxDuration: 11 * time.Second, Started: true},
		{Name: "fixed", Executor: "shared-iterations", MaxVUs: 1, ActiveVUs: 1, Progress: 0.1, Elapsed: time.Second,
			Duration: 12 * time.Second, MaxDuration: 42 * time.Second, Iterations: 2, TotalIterations: 20, Started: true},
	}
	p := wstest.Progress{Elapsed: time.Second, VUs: 3, ActiveVUs: 3, Iterations: 4}
	g.Expect(progressBlock(p, scs, false, false)).To(Equal([]string{
		"running (01.0s), 3/3 VUs, 4 complete and 0 interrupted iterations",
		"fixed    [  10% ] 1 VUs  01.0s/12s  02/20 shared iters",
		"steady   [  10% ] 2 VUs  01.0s/10s",
	}))
	p.Stage = "setup"
	g.Expect(progressBlock(p, scs, false, false)[0]).To(Equal("Run      [ 100% ] setup()"))
	g.Expect(progressBlock(p, scs[:0], false, false)[0]).To(Equal("Run   [ 100% ] setup()"))
	p.Stage = "paused"
	g.Expect(progressBlock(p, scs, false, false)[0]).To(Equal("Run      [ 100% ] paused"))
	p.Stage, p.VUs, p.InitVUs = "init", 1, 3
	g.Expect(progressBlock(p, scs, false, false)[0]).To(Equal("Init     [  33% ] 1/3 VUs initialized"))
	p.Stage, p.VUs = "", 3
	scs[0].Finished, scs[0].Progress = true, 1
	g.Expect(progressBlock(p, scs, false, false)[2]).To(Equal("steady ✓ [ 100% ] 2 VUs  10s"))
	g.Expect(progressBlock(p, scs, true, false)[1]).To(HavePrefix("fixed  ✗ [  10% ]"))
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
		`fixed  ✓ \[ 100% \] 0 VUs  \d\d\.\ds/12s  4/4 shared iters\n` +
		`steady ✓ \[ 100% \] 2 VUs  1\.2s\n$`))
	g.Expect(r.stdout + r.stderr).NotTo(ContainSubstring("\x1b["))
	g.Expect(strings.Split(r.stderr, "\n")).To(HaveExactElements(ContainSubstring("setup line"), ContainSubstring("iteration line"), ""))

	r = wstestCLI(t, nil, "", "run", "-q", "testdata/long.js")
	g.Expect(r.stdout).NotTo(ContainSubstring("execution: local"))
	g.Expect(r.stdout).NotTo(ContainSubstring("running ("))
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
// pseudo-terminal and returns what the terminal received.
func runOnATerminal(t *testing.T, args ...string) string {
	t.Helper()
	control, tty := openPTY(t)
	defer control.Close()
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
	text := runOnATerminal(t, "run", "testdata/long.js")
	g.Expect(strings.Count(text, "\x1b[3A")).To(BeNumerically(">=", 5), text) // moved up over the 3-line block
	g.Expect(text).To(ContainSubstring("\x1b[K"))
	g.Expect(text).To(MatchRegexp(`fixed  \x1b\[32m✓\x1b\[0m \[=+\] 0 VUs`))
	g.Expect(text).To(MatchRegexp(`\x1b\[36mINFO\x1b\[0m\[\d{4}\] setup line +\x1b\[36msource\x1b\[0m=console`))
	g.Expect(text).To(ContainSubstring("\x1b[3A\x1b[J\x1b[36mINFO\x1b[0m[0000] iteration line"))
	g.Expect(text).To(ContainSubstring("        script: \x1b[36mtestdata/long.js\x1b[0m\n"))
	g.Expect(text).To(ContainSubstring("\x1b[1m  █ TOTAL RESULTS \x1b[0m"))
	g.Expect(text).To(MatchRegexp(`iterations\.+: \x1b\[36m\d+\x1b\[0m`))

	text = runOnATerminal(t, "run", "--no-color", "testdata/long.js")
	g.Expect(strings.Count(text, "\x1b[3A")).To(BeNumerically(">=", 5), text)
	g.Expect(text).To(MatchRegexp(`fixed  ✓ \[=+\] 0 VUs`))
	g.Expect(text).To(ContainSubstring(`level=info msg="setup line" source=console`))
	g.Expect(text).NotTo(ContainSubstring("\x1b[32m"))
	g.Expect(text).NotTo(ContainSubstring("\x1b[36m"))
	g.Expect(text).To(ContainSubstring("  █ TOTAL RESULTS \n"))
}
