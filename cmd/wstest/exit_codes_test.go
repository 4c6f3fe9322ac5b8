package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// TestExitCodes has a case per situation of spec/cli.md section 4.1 that
// a run reaches in-process (signals: signal_test.go).
func TestExitCodes(t *testing.T) {
	here := workingDirURL(t) // k6 names script files by URL in errors
	tests := []struct {
		name    string
		args    []string
		code    int
		stderr  []string
		summary bool // the end-of-test summary is printed on stdout
	}{
		{"success", []string{"testdata/ok.js"}, 0, nil, true},
		{"threshold failed", []string{"testdata/threshold.js"}, 99,
			[]string{`level=error msg="thresholds on metrics 'things' have been crossed"`}, true},
		{"abortOnFail threshold", []string{"testdata/abortonfail.js"}, 99,
			[]string{`msg="thresholds on metrics 'probe_count' were crossed; at least one has abortOnFail enabled, stopping test prematurely"`}, true},
		{"test.abort", []string{"testdata/abort.js"}, 108, []string{`level=error msg="test aborted: stop now at default (` + here + `/testdata/abort.js:4:13(`}, true},
		{"test.fail", []string{"testdata/fail.js"}, 110, []string{`level=error msg="test marked as failed: not good enough"`, `level=error msg="test run was marked as failed"`}, true},
		{"exception in init", []string{"testdata/init_throw.js"}, 107, []string{`msg="Error: probe init error\n\tat ` + here + `/testdata/init_throw.js:1:7(`, `)\n" hint="script exception" source=stacktrace`}, false},
		{"exception in setup", []string{"testdata/setup_throw.js"}, 107, []string{`msg="Error: probe setup error\n\tat setup (` + here + `/testdata/setup_throw.js:2:9(`, `hint="script exception" source=stacktrace`}, true},
		{"exception in teardown", []string{"testdata/teardown_throw.js"}, 107, []string{`level=error msg="Error: probe teardown error\n\tat teardown (` + here + `/testdata/teardown_throw.js:3:9(`, `)\n" hint="script exception" source=stacktrace`}, true},
		{"exception in an iteration", []string{"testdata/iter_throw.js"}, 0, []string{`msg="Error: probe iteration error\n\tat default (` + here + `/testdata/iter_throw.js:3:9(`, `executor=shared-iterations hint="script exception" scenario=default source=stacktrace`}, true},
		{"syntax error", []string{"testdata/syntax.js"}, 107, []string{`level=error msg="could not initialize 'testdata/syntax.js': could not load JS test '` + here +
			`/testdata/syntax.js': ` + here + `/testdata/syntax.js: Line 2:9 Unexpected \"=\""` + "\n"}, false},
		{"bad option value", []string{"testdata/badopt_vus.js"}, 104, []string{`There were problems with the specified script configuration:\n\t- scenario default has configuration errors: the number of VUs must be more than 0"`}, false},
		{"bad duration in script", []string{"testdata/badopt_duration.js"}, 104, []string{`invalid duration \"s\"`}, false},
		{"bad threshold expression", []string{"testdata/badopt_threshold.js"}, 104, []string{"count>>1"}, false},
		{"threshold on an unknown metric", []string{"testdata/unknown_metric_threshold.js"}, 104,
			[]string{`invalid threshold defined on no_such_metric; reason: no metric name \"no_such_metric\" found`}, false},
		{"no iteration finished", []string{"testdata/noiter.js"}, 0,
			[]string{`level=warning msg="No script iterations fully finished, consider making the test duration longer"`}, true},
		{"setup timeout", []string{"testdata/setup_timeout.js"}, 100, []string{"setup() execution timed out"}, true},
		{"teardown timeout", []string{"testdata/teardown_timeout.js"}, 101, []string{"teardown() execution timed out"}, true},
		{"unknown flag", []string{"--frobnicate", "testdata/ok.js"}, 255, []string{`level=error msg="unknown flag: --frobnicate"`}, false},
		{"unknown shorthand", []string{"-Z", "testdata/ok.js"}, 255, []string{`msg="unknown shorthand flag: 'Z' in -Z"`}, false},
		{"bad flag value", []string{"-u", "abc", "testdata/ok.js"}, 255, []string{`invalid argument \"abc\" for \"-u, --vus\" flag: strconv.ParseInt`}, false},
		{"bare duration", []string{"-d", "2", "testdata/ok.js"}, 255, []string{`missing unit in duration \"2\"`}, false},
		{"no argument", nil, 255,
			[]string{`level=error msg="accepts 1 arg(s), received 0: arg should either be \"-\", if reading script from stdin, or a path to a script file"`}, false},
		{"two arguments", []string{"testdata/ok.js", "testdata/ok.js"}, 255,
			[]string{`accepts 1 arg(s), received 2: arg should either be \"-\", if reading script from stdin, or a path to a script file`}, false},
		{"missing file", []string{"no-such-file.js"}, 255, []string{`The moduleSpecifier \"no-such-file.js\" couldn't be found on local disk.`}, false},
		{"a directory", []string{"testdata"}, 255, []string{`level=error msg="read ` + strings.TrimPrefix(here, "file://") + `/testdata: is a directory"`}, false},
	}
	// The final progress block where it tells how the run ended.
	finalBlock := map[string]string{
		"abortOnFail threshold": `running \(02\.\ds\), 0/1 VUs, \d+ complete and [01] interrupted iterations\ndefault ✗ \[  2\d% \] 1 VUs  02\.\ds/10s\n$`,
		"test.abort":            `\ndefault ✗ \[ 100% \] `,
		"exception in setup":    `\nRun +\[ 100% \] setup\(\)\ndefault +\[   0% \]\n$`,
		"success":               `\nrunning \(\S+\), 0/1 VUs, 1 complete and 0 interrupted iterations\ndefault ✓ \[ 100% \] .*\n$`,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestCLI(t, nil, "", append([]string{"run"}, tt.args...)...)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			for _, s := range tt.stderr {
				g.Expect(r.stderr).To(ContainSubstring(s))
			}
			if !tt.summary {
				g.Expect(r.stdout).To(BeEmpty(), "no header either")
				return
			}
			// The header, the summary, then the final progress block.
			g.Expect(r.stdout).To(HavePrefix("\n     execution: local\n"))
			g.Expect(r.stdout).To(MatchRegexp(`\n\n  █ TOTAL RESULTS \n(.*\n)*\n\n\S.*\n(\S.*\n)+$`))
			if re, ok := finalBlock[tt.name]; ok {
				g.Expect(r.stdout).To(MatchRegexp(re))
			}
		})
	}
}

// TestWhatStillHappensOnEachEnding covers spec/cli.md table 4.2: whether
// teardown runs, the summary is printed and the outputs are written.
func TestWhatStillHappensOnEachEnding(t *testing.T) {
	tests := []struct {
		script   string
		code     int
		teardown bool // "teardown ran" is logged
		written  bool // summary on stdout, --summary-export and --out json written
		samples  bool // the run recorded samples (abort.js stops before any)
	}{
		{"threshold.js", 99, true, true, true},
		{"abortonfail.js", 99, true, true, true},
		{"abort.js", 108, true, true, false},
		{"setup_throw.js", 107, false, true, false},
		{"teardown_throw.js", 107, false, true, true}, // teardown is what threw
		{"init_throw.js", 107, false, false, false},
		{"syntax.js", 107, false, false, false},
		{"badopt_vus.js", 104, false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			dir := t.TempDir()
			export, out := filepath.Join(dir, "export.json"), filepath.Join(dir, "m.json")
			r := wstestCLI(t, nil, "", "run", "-q", "--summary-export", export, "-o", "json="+out, "testdata/"+tt.script)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			if tt.teardown {
				g.Expect(r.stderr).To(ContainSubstring(`msg="teardown ran"`))
			} else {
				g.Expect(r.stderr).NotTo(ContainSubstring("teardown ran"))
			}
			if !tt.written {
				g.Expect(r.stdout).To(BeEmpty())
				for _, f := range []string{export, out} {
					_, err := os.Stat(f)
					g.Expect(os.IsNotExist(err)).To(BeTrue(), "%s is not created", f)
				}
				return
			}
			g.Expect(r.stdout).To(ContainSubstring("█ TOTAL RESULTS"))
			var summary struct {
				Metrics   map[string]any
				RootGroup map[string]any `json:"root_group"`
			}
			g.Expect(json.Unmarshal([]byte(readFile(t, export)), &summary)).To(Succeed())
			g.Expect(summary.RootGroup).To(HaveKey("checks"))
			points := readFile(t, out)
			if !tt.samples {
				return
			}
			g.Expect(summary.Metrics).To(HaveKey("iterations"))
			g.Expect(points).To(HaveSuffix("\n"))
			for _, l := range strings.Split(strings.TrimSuffix(points, "\n"), "\n") {
				g.Expect(json.Valid([]byte(l))).To(BeTrue(), "a whole JSON line: %s", l)
			}
			g.Expect(points).To(ContainSubstring(`{"metric":"iterations","type":"Point"`))
		})
	}
}

// TestEndMessagesAfterTheSummary: the error that ended the run is logged
// after the summary is written; test.fail is logged when it is called.
func TestEndMessagesAfterTheSummary(t *testing.T) {
	tests := []struct {
		script        string
		code          int
		before, after string // logged before and after the summary
	}{
		{"threshold.js", 99, "", `level=error msg="thresholds on metrics 'things' have been crossed"`},
		{"abort.js", 108, "", `level=error msg="test aborted: stop now at default (`},
		{"fail.js", 110, `level=error msg="test marked as failed: not good enough"`, `level=error msg="test run was marked as failed"`},
		{"setup_throw.js", 107, "", `level=error msg="Error: probe setup error`},
		{"teardown_throw.js", 107, "", `level=error msg="Error: probe teardown error`},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			code, text := wstestInterleaved(t, "run", "-q", "testdata/"+tt.script)
			g.Expect(code).To(Equal(tt.code), text)
			summary := strings.Index(text, "█ TOTAL RESULTS")
			g.Expect(summary).To(BeNumerically(">=", 0), text)
			if tt.before != "" {
				g.Expect(strings.Index(text, tt.before)).To(And(BeNumerically(">=", 0), BeNumerically("<", summary)), text)
			}
			g.Expect(strings.Index(text, tt.after)).To(BeNumerically(">", summary), text)
			g.Expect(strings.Count(text, tt.after)).To(Equal(1), text)
		})
	}
}

func TestUnknownSubcommand(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "nosuchcmd")
	g.Expect(r.code).To(Equal(255))
	g.Expect(r.stderr).To(ContainSubstring(`unknown command \"nosuchcmd\" for \"wstest\"`))
}

// workingDirURL is the test's working directory as a file:// URL.
func workingDirURL(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(wd)
}

// After an exception in setup() k6's summary still has the network
// metrics: setup's bytes are counted even when it throws.
func TestSummaryAfterASetupExceptionHasTheNetworkMetrics(t *testing.T) {
	g := NewWithT(t)
	export := filepath.Join(t.TempDir(), "export.json")
	r := wstestCLI(t, nil, "", "run", "-q", "--summary-export", export, "testdata/setup_throw.js")
	g.Expect(r.code).To(Equal(107), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("    NETWORK\n    data_received...: 0 B 0 B/s\n    data_sent.......: 0 B 0 B/s\n"))
	g.Expect(readFile(t, export)).To(And(ContainSubstring(`"data_received"`), ContainSubstring(`"data_sent"`)))
}
