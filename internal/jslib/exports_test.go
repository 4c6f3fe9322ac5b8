package jslib

import (
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
	"github.com/onsi/gomega"
)

// evalModule runs the ES module served at url as CommonJS in a fresh
// runtime, with a require that knows no module (the stage helpers of 1.3.0
// on cope with that), and returns the runtime and the module's exports.
func evalModule(t testing.TB, url string) (*goja.Runtime, *goja.Object) {
	t.Helper()
	src, ok := Source(url)
	if !ok {
		t.Fatalf("no source for %s", url)
	}
	res := api.Transform(src, api.TransformOptions{
		Format:     api.FormatCommonJS,
		Target:     api.ESNext,
		Sourcefile: url,
		LogLevel:   api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		t.Fatalf("transform %s: %s", url, res.Errors[0].Text)
	}
	rt := goja.New()
	wrapped := "(function (module, exports, require) {\n" + string(res.Code) + "\n})"
	fn, err := rt.RunScript(url, wrapped)
	if err != nil {
		t.Fatalf("compile %s: %v", url, err)
	}
	call, _ := goja.AssertFunction(fn)
	module := rt.NewObject()
	exports := rt.NewObject()
	if err := module.Set("exports", exports); err != nil {
		t.Fatal(err)
	}
	require := func(name string) goja.Value {
		panic(rt.NewGoError(&moduleError{name: name}))
	}
	if _, err := call(goja.Undefined(), module, exports, rt.ToValue(require)); err != nil {
		t.Fatalf("run %s: %v", url, err)
	}
	return rt, module.Get("exports").ToObject(rt)
}

// moduleError is what evalModule's require throws.
type moduleError struct{ name string }

func (e *moduleError) Error() string { return "unknown module " + e.name }

func TestExports(t *testing.T) {
	first := []string{"findBetween", "randomIntBetween", "randomItem", "randomString", "uuidv4"}
	withStages := append([]string{"normalDistributionStages"}, first...)
	withExecution := append([]string{"getCurrentStageIndex", "parseDuration", "tagWithCurrentStageIndex", "tagWithCurrentStageProfile"}, withStages...)
	tests := []struct {
		version string
		want    []string
	}{
		{version: "1.0.0", want: first},
		{version: "1.1.0", want: first},
		{version: "1.2.0", want: withStages},
		{version: "1.3.0", want: withExecution},
		{version: "1.4.0", want: withExecution},
		{version: "1.5.0", want: append([]string{"check"}, withExecution...)},
		{version: "1.6.0", want: append([]string{"check"}, withExecution...)},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			_, exports := evalModule(t, "https://jslib.k6.io/k6-utils/"+tt.version+"/index.js")
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			got := exports.Keys()
			sort.Strings(got)
			g.Expect(got).To(gomega.Equal(want))
		})
	}
}

// TestVariants pins what each version's variant parts do differently,
// with a random source that always returns 0.
func TestVariants(t *testing.T) {
	tests := []struct {
		version string
		expr    string
		want    string
	}{
		{version: "1.0.0", expr: "JSON.stringify(m.findBetween('a[b]c', '[', ']'))", want: `"b"`},
		{version: "1.1.0", expr: "JSON.stringify(m.findBetween('abc', '[', ']'))", want: `""`},
		{version: "1.1.0", expr: "JSON.stringify(m.findBetween('[a][b]', '[', ']', true))", want: `"a"`},
		{version: "1.1.0", expr: "m.randomString(3, 'xyz')", want: "aaa"},
		{version: "1.2.0", expr: "JSON.stringify(m.findBetween('abc', '[', ']'))", want: "null"},
		{version: "1.2.0", expr: "JSON.stringify(m.findBetween('[a][b]', '[', ']', true))", want: `["a","b"]`},
		{version: "1.2.0", expr: "m.randomString(3, 'xyz')", want: "xxx"},
		{version: "1.3.0", expr: "String(m.parseDuration('1m30s'))", want: "90000"},
		{version: "1.3.0", expr: "String(m.uuidv4.length)", want: "0"},
		{version: "1.4.0", expr: "String(m.uuidv4(false).length)", want: "36"},
		{version: "1.4.0", expr: "(() => { try { return m.uuidv4(true); } catch (e) { return e.message; } })()",
			want: "k6/crypto is not available: uuidv4(true) needs its randomBytes"},
		{version: "1.5.0", expr: "(() => { try { return m.check(1, {}); } catch (e) { return e.message; } })()",
			want: "k6/metrics is not available: check of k6-utils needs it"},
		{version: "1.6.0", expr: "String(m.check.length)", want: "2"},
	}
	for _, tt := range tests {
		t.Run(tt.version+" "+tt.expr, func(t *testing.T) {
			g := gomega.NewWithT(t)
			rt, exports := evalModule(t, "https://jslib.k6.io/k6-utils/"+tt.version+"/index.js")
			rt.SetRandSource(func() float64 { return 0 })
			g.Expect(rt.Set("m", exports)).To(gomega.Succeed())
			got, err := rt.RunString(tt.expr)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.String()).To(gomega.Equal(tt.want))
		})
	}
}

// TestPartsNamed checks that every embedded part is used by some release
// and that the served source names each part it holds.
func TestPartsNamed(t *testing.T) {
	g := gomega.NewWithT(t)
	entries, err := utilsParts.ReadDir("k6utils")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	used := map[string]bool{}
	for _, r := range utilsReleases() {
		src := r.source()
		for _, name := range append([]string{"core.js"}, r.parts...) {
			used[name] = true
			g.Expect(strings.Count(src, "// --- internal/jslib/k6utils/"+name+"\n")).To(gomega.Equal(1), "%s in %s", name, r.version)
		}
	}
	for _, e := range entries {
		g.Expect(used).To(gomega.HaveKey(e.Name()))
	}
}
