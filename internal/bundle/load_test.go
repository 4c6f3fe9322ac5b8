package bundle

import (
	"errors"
	"testing"

	"github.com/dop251/goja"
	"github.com/onsi/gomega"
)

func TestLoadSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		want ScriptError
	}{
		{
			name: "js",
			path: "testdata/errors/syntax.js",
			want: ScriptError{File: "testdata/errors/syntax.js", Line: 3, Column: 14, Message: `SyntaxError: Unexpected "*"`},
		},
		{
			name: "ts",
			path: "testdata/errors/syntax.ts",
			want: ScriptError{File: "testdata/errors/syntax.ts", Line: 5, Column: 25, Message: `SyntaxError: Expected "}" but found ";"`},
		},
		{
			name: "top-level await keeps esbuild's message",
			path: "testdata/errors/tla.js",
			want: ScriptError{File: "testdata/errors/tla.js", Line: 1, Column: 11, Message: `SyntaxError: Top-level await is currently not supported with the "cjs" output format`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			_, err := loadFile(t, tt.path, Options{})
			var se *ScriptError
			g.Expect(errors.As(err, &se)).To(gomega.BeTrue(), "error %v", err)
			g.Expect(*se).To(gomega.Equal(tt.want))
		})
	}
}

func TestScriptErrorText(t *testing.T) {
	g := gomega.NewWithT(t)
	_, err := loadFile(t, "testdata/errors/syntax.js", Options{})
	g.Expect(err).To(gomega.MatchError(`testdata/errors/syntax.js:3:14: SyntaxError: Unexpected "*"`))
	g.Expect((&ScriptError{File: "x.js", Message: "m"}).Error()).To(gomega.Equal("x.js: m"))
}

func TestSyntaxErrorColumnCountsUTF16(t *testing.T) {
	g := gomega.NewWithT(t)
	// "é" is two bytes in UTF-8 and one UTF-16 unit; "😀" is four and two.
	_, err := Load("testdata/inline.js", []byte("const s = 'é😀'; let x = ) ;\n"), Options{})
	g.Expect(err).To(gomega.MatchError(`testdata/inline.js:1:26: SyntaxError: Unexpected ")"`))
}

func TestSyntaxErrorInImportedModule(t *testing.T) {
	g := gomega.NewWithT(t)
	b := mustLoad(t, "testdata/errors/import_syntax.js", Options{})
	_, err := newVU(t, b, nil).inst.Init()
	var se *ScriptError
	g.Expect(errors.As(err, &se)).To(gomega.BeTrue(), "error %v", err)
	g.Expect(se.Error()).To(gomega.Equal(`testdata/errors/lib/broken.js:2:18: SyntaxError: Unexpected ";"`))
}

func TestScriptForms(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		want    string
		options map[string]any
	}{
		{name: "ES module with local imports in nested dirs", path: "testdata/esm/main.js", want: "hello vu, hello vu HI! test", options: map[string]any{"vus": int64(1), "iterations": int64(1)}},
		{name: "CommonJS", path: "testdata/cjs/main.js", want: "3:test", options: map[string]any{"vus": int64(2)}},
		{name: "CommonJS with module.exports and JSON", path: "testdata/cjs/module_exports.js", want: "hi a,b", options: map[string]any{"vus": int64(4)}},
		{name: "TypeScript", path: "testdata/ts/main.ts", want: "hello ts", options: map[string]any{"vus": int64(3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			v := newVU(t, mustLoad(t, tt.path, Options{}), nil)
			exports, err := v.inst.Init()
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(exports.Get("options").Export()).To(gomega.Equal(tt.options))
			got, err := v.call(t, exports, "default")
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.String()).To(gomega.Equal(tt.want))
		})
	}
}

func TestKeepNames(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/natives/main.js", Options{}), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(exports.Get("default").ToObject(v.rt).Get("name").String()).To(gomega.Equal("default"))
	g.Expect(exports.Get("named").ToObject(v.rt).Get("name").String()).To(gomega.Equal("named"))
}

func TestInitRunsOnce(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/cjs/main.js", Options{}), nil)
	_, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	_, err = v.inst.Init()
	g.Expect(err).To(gomega.MatchError("bundle: init already ran in this runtime"))
}

func TestModuleExportsMustBeAnObject(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/inline.js", []byte("module.exports = null;"), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	_, err = newVU(t, b, nil).inst.Init()
	g.Expect(err).To(gomega.MatchError("testdata/inline.js: module.exports is null"))
}

func TestLoweredSyntaxRuns(t *testing.T) {
	g := gomega.NewWithT(t)
	src := `
async function* gen() { yield 1; yield 2; }
export default async function () {
  const seen = [];
  for await (const x of gen()) seen.push(x);
  const m = await import('k6');
  return seen.join(',') + ':' + m.version + ':' + (m.default === require('k6'));
}
`
	b, err := Load("testdata/inline.js", []byte(src), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v := newVU(t, b, nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	p, err := v.call(t, exports, "default")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	promise := p.Export().(*goja.Promise)
	g.Expect(promise.State()).To(gomega.Equal(goja.PromiseStateFulfilled))
	g.Expect(promise.Result().String()).To(gomega.Equal("1,2:test:true"))
}
