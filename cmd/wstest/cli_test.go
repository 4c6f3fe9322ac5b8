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
	full := map[string]string{"HOME": t.TempDir()}
	for k, v := range env {
		full[k] = v
	}
	c := &cli{
		stdin:  strings.NewReader(stdin),
		stdout: &syncWriter{w: &stdout},
		stderr: &syncWriter{w: &stderr},
		getenv: func(k string) (string, bool) { v, ok := full[k]; return v, ok },
		exit:   func(int) { t.Error("exit called in-process") },
		now:    time.Now,
	}
	code := c.main(args)
	return testRun{code: code, stdout: stdout.String(), stderr: stderr.String()}
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
