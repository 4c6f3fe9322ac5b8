package wstest_test

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/dop251/goja"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

func TestScriptErrorUnwrapsToWhatTheScriptThrew(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `export default function () { throw new RangeError("too far"); }`)
	g.Expect(res.Errors).To(HaveLen(1))
	var err error = res.Errors[0] // an element of Result.Errors is an error
	g.Expect(err.Error()).To(Equal("test.js:1:36: RangeError: too far"))
	var ex *goja.Exception
	g.Expect(errors.As(err, &ex)).To(BeTrue())
	g.Expect(ex.Value().String()).To(Equal("RangeError: too far"))
}

func TestRunErrorForAMissingFileUnwrapsToTheFileError(t *testing.T) {
	g := NewWithT(t)
	_, err := wstest.RunFile(t.Context(), "testdata/no_such_file.js")
	var se *wstest.ScriptError
	g.Expect(errors.As(err, &se)).To(BeTrue())
	g.Expect(se.Stage).To(Equal("init"))
	g.Expect(errors.Is(err, fs.ErrNotExist)).To(BeTrue())
}

func TestZeroValuesAreSafeToRead(t *testing.T) {
	g := NewWithT(t)
	var m wstest.Metric
	g.Expect(m.Count()).To(BeZero())
	_, ok := m.Stat("count")
	g.Expect(ok).To(BeFalse())
	g.Expect(m.Values()).To(BeEmpty())
	g.Expect(m.Sub(map[string]string{"a": "b"}).Count()).To(BeZero())
	var res wstest.Result
	g.Expect(res.Metric("ws_sessions").Count()).To(BeZero())
	g.Expect(res.Summary()).To(BeEmpty())
	g.Expect(res.ExitCode()).To(Equal(wstest.ExitOK))
}
