package wstest_test

import (
	"errors"
	"os/exec"
	"path/filepath"
	"testing"

	. "github.com/onsi/gomega"
)

// TestGoTestOutput runs the tests of testdata/gotest with go test -v, as a
// user would, and asserts on what the user sees in the output. The test
// binary is built once; each subtest runs some of its tests.
func TestGoTestOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a test binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	bin := filepath.Join(t.TempDir(), "gotest.test")
	build := exec.CommandContext(t.Context(), goTool, "test", "-c", "-o", bin, "./testdata/gotest")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/gotest: %v\n%s", err, out)
	}
	// run runs the tests matching pattern and returns the output and
	// whether they passed.
	run := func(t *testing.T, pattern string) (string, bool) {
		cmd := exec.CommandContext(t.Context(), bin, "-test.v", "-test.count=1", "-test.run", pattern)
		cmd.Dir = "testdata/gotest"
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatalf("running %s: %v", bin, err)
		}
		return string(out), err == nil
	}

	tests := []struct {
		name    string
		pattern string
		pass    bool
		want    []string // regexps the output must match
		notWant []string
	}{
		{
			name: "console lines and the summary in the log", pattern: "^TestConsole$", pass: true,
			want: []string{
				`(?m)^    scripts/hello.js: \[vu 1\] info: hello from the script$`,
				`(?m)^    scripts/hello.js: end-of-test summary:$`,
				`(?m)^\s+iterations\.+: 1 `,
			},
			notWant: []string{`testing\.go:\d+`},
		},
		{
			name: "a failed threshold shows its measured value", pattern: "^TestThreshold$",
			want: []string{
				`(?m)^    gotest_test.go:\d+: scripts/slow.js:\n        threshold failed: latency 'p\(95\)<0.001' p\(95\)=441.12µs$`,
				`✗ 'p\(95\)<0.001' p\(95\)=441.12µs`,
			},
		},
		{
			name: "an exception in a library names the user's line", pattern: "^TestException$",
			want: []string{
				`exception in vu 1 iteration 0: scripts/my_test.ts:8:23: Error: expected 1 to be 2\n` +
					`\s+at fail \(https://jslib.k6.io/k6-testing/0.5.0/index.js:2:28\(\d+\)\)\n` +
					`\s+at toBe \(https://jslib.k6.io/k6-testing/0.5.0/index.js:4:37\(\d+\)\)\n` +
					`\s+at checkReply \(scripts/my_test.ts:8:23\(\d+\)\)\n` +
					`\s+at default \(scripts/my_test.ts:12:3\(\d+\)\)\n` +
					`\s+At: scripts/my_test.ts:8:23\n`,
			},
		},
		{
			name: "one subtest per file", pattern: "^TestScripts$", pass: true,
			want: []string{
				`(?m)^    --- PASS: TestScripts/chat.js `,
				`(?m)^    --- PASS: TestScripts/echo.js `,
				`scripts/folder/chat.js: \[vu 1\] info: chat ran`,
			},
		},
		{
			name: "go test -run picks one file", pattern: "TestScripts/chat.js", pass: true,
			want:    []string{`(?m)^    --- PASS: TestScripts/chat.js `},
			notWant: []string{`echo`},
		},
		{
			name: "a pattern without files fails", pattern: "^TestNoFiles$",
			want: []string{`wstest: no file matches "scripts/none/\*.js"`},
		},
		{
			name: "a started run is stopped at the test's cleanup", pattern: "^TestStart$", pass: true,
			want: []string{`returning with the run still going\n    scripts/forever.js: stopping the run at the end of the test\n--- PASS: TestStart`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			out, passed := run(t, tt.pattern)
			g.Expect(passed).To(Equal(tt.pass), out)
			for _, re := range tt.want {
				g.Expect(out).To(MatchRegexp(re))
			}
			for _, re := range tt.notWant {
				g.Expect(out).NotTo(MatchRegexp(re))
			}
		})
	}
}
