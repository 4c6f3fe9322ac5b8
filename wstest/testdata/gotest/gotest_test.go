// Package gotest is a test package that wstest's own tests run with go
// test -v, to see the output a user of wstest sees. Some of its tests fail
// on purpose; go test ./... does not reach it (it is under testdata).
package gotest_test

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/wsk6/wstest/wstest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// expectModule is a stand-in for a jslib assertion helper that throws
// from inside the library.
const expectModule = `
function fail(msg) { throw new Error(msg); }
export function expect(v) {
  return { toBe(w) { if (v !== w) { fail("expected " + v + " to be " + w); } } };
}
`

func TestConsole(t *testing.T) {
	wstest.Test(t, "scripts/hello.js")
}

func TestThreshold(t *testing.T) {
	wstest.Test(t, "scripts/slow.js")
}

func TestException(t *testing.T) {
	wstest.Test(t, "scripts/my_test.ts",
		wstest.WithModule("https://jslib.k6.io/k6-testing/0.5.0/index.js", expectModule))
}

func TestScripts(t *testing.T) {
	t.Parallel()
	wstest.TestFiles(t, "scripts/folder/*.js")
}

func TestNoFiles(t *testing.T) {
	wstest.TestFiles(t, "scripts/none/*.js")
}

func TestStart(t *testing.T) {
	wstest.StartTest(t, wstest.Script{Name: "scripts/forever.js"})
	t.Log("returning with the run still going")
}
