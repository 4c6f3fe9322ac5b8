package wstest

import (
	"path/filepath"
	"testing"
)

// TestFiles runs each script file matching pattern (filepath.Glob syntax,
// such as "testdata/*.js") with Test, as a subtest of t named after the
// file's base name, in name order. go test -run 'TestScripts/chat.js' then
// runs one script, and each script passes or fails on its own.
//
// A pattern that is malformed or matches no file fails the test, so that
// a wrong folder is not mistaken for a green run. The subtests run one
// after another (scripts often share the server the test started); t
// itself may call t.Parallel, as TestFiles keeps no state between calls.
//
//	func TestScripts(t *testing.T) {
//		srv := httptest.NewServer(myHandler)
//		t.Cleanup(srv.Close)
//		wstest.TestFiles(t, "testdata/*.js", wstest.WithEnv("URL", "ws"+srv.URL[4:]))
//	}
func TestFiles(t *testing.T, pattern string, opts ...Option) {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("wstest: bad pattern %q: %v", pattern, err)
	}
	if len(paths) == 0 {
		t.Fatalf("wstest: no file matches %q", pattern)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Helper()
			Test(t, p, opts...)
		})
	}
}
