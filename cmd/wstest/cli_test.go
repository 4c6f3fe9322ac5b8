package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// testRun is one in-process run of the command.
type testRun struct {
	code           int
	stdout, stderr string
}

// wstestCLI runs the command in-process with env as its whole
// environment (HOME included, so no user config file is read) and stdin.
func wstestCLI(t *testing.T, env map[string]string, stdin string, args ...string) testRun {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := newTestCLI(t, env, stdin, &syncWriter{w: &stdout}, &syncWriter{w: &stderr}).main(args)
	return testRun{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// wstestInterleaved runs the command in-process with stdout and stderr
// written to one buffer, in the order the lines were written, and
// returns the exit code and that text.
func wstestInterleaved(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var both bytes.Buffer
	w := &syncWriter{w: &both}
	code := newTestCLI(t, nil, "", w, w).main(args)
	return code, both.String()
}

// wstestOnTerminal runs the command in-process as if stdout and stderr
// were an 80-column terminal.
func wstestOnTerminal(t *testing.T, env map[string]string, args ...string) testRun {
	t.Helper()
	var stdout, stderr bytes.Buffer
	c := newTestCLI(t, env, "", &syncWriter{w: &stdout}, &syncWriter{w: &stderr})
	c.stdoutTTY, c.stderrTTY = true, true
	c.stdoutWidth = func() int { return 80 }
	code := c.main(args)
	return testRun{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// newTestCLI makes the command's process view for an in-process run.
func newTestCLI(t *testing.T, env map[string]string, stdin string, stdout, stderr io.Writer) *cli {
	full := map[string]string{"HOME": t.TempDir()}
	for k, v := range env {
		full[k] = v
	}
	return &cli{
		stdin:  strings.NewReader(stdin),
		stdout: stdout,
		stderr: stderr,
		getenv: func(k string) (string, bool) { v, ok := full[k]; return v, ok },
		exit:   func(int) { t.Error("exit called in-process") },
		now:    time.Now,
	}
}

// wstestRun runs `wstest run -q ARGS` in-process and returns its exit
// code and output.
func wstestRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	r := wstestCLI(t, nil, "", append([]string{"run", "-q"}, args...)...)
	return r.code, r.stdout, r.stderr
}

// readFile returns a file's content, failing the test if it cannot.
func readFile(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeFile writes a file, failing the test if it cannot.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
