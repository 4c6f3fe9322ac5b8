package bundle

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/dop251/goja"
	"github.com/onsi/gomega"
)

// exceptionAt returns the original position goja reports for an exception's
// innermost script frame (native functions skipped), as "file:line:col".
func exceptionAt(t testing.TB, err error) string {
	t.Helper()
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Fatalf("not a *goja.Exception: %v", err)
	}
	for _, f := range ex.Stack() {
		if f.SrcName() != "<native>" {
			p := f.Position()
			return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
		}
	}
	t.Fatalf("exception without script frames: %v", err)
	return ""
}

func TestExceptionPositionsAreMapped(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		inInit  bool
		at      string
		message string
	}{
		{name: "js", path: "testdata/errors/throw.js", at: "testdata/errors/throw.js:6:26", message: "TypeError: Cannot read property 'name' of undefined"},
		{name: "ts", path: "testdata/errors/throw.ts", at: "testdata/errors/throw.ts:6:9", message: "Error: boom x 0"},
		{name: "imported local module", path: "testdata/errors/uses_lib.js", at: "testdata/errors/lib/exploder.js:5:11", message: "RangeError: too big: 3"},
		{name: "imported TypeScript module", path: "testdata/errors/uses_ts_lib.ts", at: "testdata/errors/lib/parser.ts:7:13", message: "SyntaxError: unbalanced: {"},
		{name: "init code of an imported module", path: "testdata/errors/init_throw.js", inInit: true, at: "testdata/errors/lib/bad_init.js:4:9", message: "TypeError: bad init"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			v := newVU(t, mustLoad(t, tt.path, Options{}), nil)
			exports, err := v.inst.Init()
			if !tt.inInit {
				g.Expect(err).NotTo(gomega.HaveOccurred())
				_, err = v.call(t, exports, "default")
			}
			g.Expect(err).To(gomega.HaveOccurred())
			g.Expect(exceptionAt(t, err)).To(gomega.Equal(tt.at))
			g.Expect(err.Error()).To(gomega.HavePrefix(tt.message + " at "))
			g.Expect(err.Error()).To(gomega.ContainSubstring(tt.at + "("))
		})
	}
}

// TestMappedPositionMatchesGoja compares the position reported for a
// transpiled script with the one goja reports running the same text as is.
func TestMappedPositionMatchesGoja(t *testing.T) {
	tests := []struct {
		name string
		path string
		at   string
	}{
		{name: "property of undefined", path: "testdata/errors/plain.js", at: "testdata/errors/plain.js:9:26"},
		{name: "throw mid-line", path: "testdata/errors/plain_throw.js", at: "testdata/errors/plain_throw.js:2:61"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			src, err := os.ReadFile(tt.path)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			_, direct := goja.New().RunScript(tt.path, string(src))
			g.Expect(direct).To(gomega.HaveOccurred())

			_, err = newVU(t, mustLoad(t, tt.path, Options{}), nil).inst.Init()
			g.Expect(err).To(gomega.HaveOccurred())
			g.Expect(exceptionAt(t, err)).To(gomega.Equal(exceptionAt(t, direct)))
			g.Expect(exceptionAt(t, err)).To(gomega.Equal(tt.at))
		})
	}
}

func TestShiftColumns(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "leading empty lines", in: ";;AAAA,EAAE;AACb", want: ";;CAAC,EAAE;CACb"},
		{name: "generated column only", in: "A;AAAA", want: "C;CAAC"},
		{name: "negative deltas survive", in: "AAAA,CAAD;gBAAgB", want: "CAAC,CAAD;iBAAgB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := shiftColumns(tt.in)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got).To(gomega.Equal(tt.want))
		})
	}
	_, err := shiftColumns("A*")
	gomega.NewWithT(t).Expect(err).To(gomega.HaveOccurred())
}
