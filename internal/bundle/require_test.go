package bundle

import (
	"errors"
	"testing"

	"github.com/dop251/goja"
	"github.com/onsi/gomega"
)

func TestNativeModules(t *testing.T) {
	g := gomega.NewWithT(t)
	calls := map[string]int{}
	natives := testNatives()
	for name, build := range natives {
		natives[name] = func(rt *goja.Runtime) (goja.Value, error) {
			calls[name]++
			return build(rt)
		}
	}
	v := newVU(t, mustLoad(t, "testdata/natives/main.js", Options{}), natives)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())

	// ESM default import of a module without __esModule is the module
	// itself, and the same object require returns (spec F2).
	g.Expect(exports.Get("same").Export()).To(gomega.BeTrue())
	g.Expect(exports.Get("sameExec").Export()).To(gomega.BeTrue())
	g.Expect(exports.Get("execId").Export()).To(gomega.BeEquivalentTo(7))
	g.Expect(exports.Get("checkIsNative").Export()).To(gomega.BeTrue())
	g.Expect(exports.Get("nsHasCheck").Export()).To(gomega.Equal("function"))
	// Each native is built once per runtime, however often it is required.
	g.Expect(calls).To(gomega.Equal(map[string]int{"k6": 1, "k6/execution": 1}))

	// Another runtime builds its own.
	w := newVU(t, mustLoad(t, "testdata/natives/main.js", Options{}), natives)
	_, err = w.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(calls).To(gomega.Equal(map[string]int{"k6": 2, "k6/execution": 2}))
}

func TestNativeModuleIdentityAcrossRequires(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/inline.js", []byte(`
import * as ns from 'k6';
const a = require('k6');
export const first = a;
export const nsCheck = ns.check;
export default function () {}
`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v := newVU(t, b, nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	again, err := v.rt.RunString(`require('k6')`)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(exports.Get("first").SameAs(again)).To(gomega.BeTrue())
	g.Expect(exports.Get("nsCheck").SameAs(again.ToObject(v.rt).Get("check"))).To(gomega.BeTrue())
}

func TestNativeModuleError(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/inline.js", []byte(`import 'k6/broken'; export default function () {}`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	natives := map[string]NativeModule{"k6/broken": func(*goja.Runtime) (goja.Value, error) { return nil, errors.New("no state") }}
	_, err = newVU(t, b, natives).inst.Init()
	g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring(`cannot load module "k6/broken": no state`)))
}

func TestRequireErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		opts Options
		want string
	}{
		{
			name: "unknown bare specifier",
			src:  `import { x } from 'k6/foo'; export default function () {}`,
			want: `unknown module "k6/foo"`,
		},
		{
			name: "remote URL",
			src:  `import { x } from 'https://example.com/x.js'; export default function () {}`,
			want: `remote module "https://example.com/x.js" is not available offline: vendor it as a local file or provide it with wstest.WithModule`,
		},
		{
			name: "jslib URL that is not embedded",
			src:  `import { check } from 'https://jslib.k6.io/k6-utils/1.7.0/index.js'; export default function () {}`,
			want: `remote module "https://jslib.k6.io/k6-utils/1.7.0/index.js" is not available offline`,
		},
		{
			name: "missing local file",
			src:  `import './lib/nope'; export default function () {}`,
			want: `cannot find module "./lib/nope": no file `,
		},
		{
			name: "relative import without its extension",
			src:  `import '../cjs/helper'; export default function () {}`,
			want: `cannot find module "../cjs/helper": no file `,
		},
		{
			name: "the error names the file that would match",
			src:  `import '../cjs/helper'; export default function () {}`,
			want: `write the extension, as k6 needs it: "../cjs/helper.js"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			b, err := Load("testdata/esm/inline.js", []byte(tt.src), tt.opts)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			_, err = newVU(t, b, nil).inst.Init()
			g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring(tt.want)))
			// The error is thrown at the import, in the original file.
			g.Expect(exceptionAt(t, err)).To(gomega.HavePrefix("testdata/esm/inline.js:1:"))
		})
	}
}

// A script reaches modules beside its folder, as the common k6 layout
// with a shared ../lib/ needs (spec/DECISIONS.md "Files").
func TestRequireReachesFilesOutsideTheScriptsFolder(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/esm/escape.js", Options{}), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	got, err := v.call(t, exports, "default")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got.Export()).To(gomega.BeEquivalentTo(5))
}

func TestRequireOutsideInit(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/inline.js", []byte(`export default function () { return require('k6').version; }`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v := newVU(t, b, nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v.init = false
	_, err = v.call(t, exports, "default")
	g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring(`the "require" function is only available in the init stage (i.e. the global scope)`)))
	// At the callee: esbuild's map has no segment for the call's "(",
	// where goja points for code it runs without a map.
	g.Expect(exceptionAt(t, err)).To(gomega.Equal("testdata/inline.js:1:37"))
}

func TestCyclicLocalModules(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/cycle/a.js", Options{}), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	// b ran while a was half built, so it saw no a.name...
	g.Expect(exports.Get("seenByB").Export()).To(gomega.Equal("undefined"))
	// ...but holds the same exports object, complete by now.
	got, err := v.call(t, exports, "default")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got.String()).To(gomega.Equal("ba"))
}

func TestModuleInstancesPerRuntime(t *testing.T) {
	g := gomega.NewWithT(t)
	b := mustLoad(t, "testdata/esm/main.js", Options{})
	hits := func(v *vu) int64 {
		exports, err := v.inst.Init()
		g.Expect(err).NotTo(gomega.HaveOccurred())
		for range 2 {
			_, err = v.call(t, exports, "default")
			g.Expect(err).NotTo(gomega.HaveOccurred())
		}
		n, err := v.rt.RunString(`require('./lib/greet.js').counter.hits`)
		g.Expect(err).NotTo(gomega.HaveOccurred())
		return n.ToInteger()
	}
	// One module instance per runtime: the main script and the later
	// require see the same counter, and another VU starts from zero.
	g.Expect(hits(newVU(t, b, nil))).To(gomega.BeEquivalentTo(2))
	g.Expect(hits(newVU(t, b, nil))).To(gomega.BeEquivalentTo(2))
}

func TestModulesOption(t *testing.T) {
	g := gomega.NewWithT(t)
	opts := Options{Modules: map[string]string{
		"https://example.com/lib/main.js": `import { base } from './dep.js'; export const answer = base + 1;`,
		"https://example.com/lib/dep.js":  `export const base = 41;`,
		// A WithModule entry wins over the embedded jslib of the same URL.
		"https://jslib.k6.io/k6-utils/1.4.0/index.js": `export const uuidv4 = () => 'mine';`,
	}}
	v := newVU(t, mustLoad(t, "testdata/remote/main.js", opts), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	got, err := v.call(t, exports, "default")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got.Export()).To(gomega.BeEquivalentTo(42))
	u, err := v.rt.RunString(`require('https://jslib.k6.io/k6-utils/1.4.0/index.js').uuidv4()`)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(u.String()).To(gomega.Equal("mine"))

	// A relative import inside a remote module stays remote.
	opts.Modules["https://example.com/lib/main.js"] = `export { x } from './missing.js';`
	_, err = newVU(t, mustLoad(t, "testdata/remote/main.js", opts), nil).inst.Init()
	g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring(`remote module "https://example.com/lib/missing.js" is not available offline`)))
}

func TestImportsAcrossJSAndTS(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/esm/inline.js", []byte(`
import { twice } from './lib/deep/util.ts';
import { greet } from './lib/greet.js';
export default function () { return twice('a') + '|' + greet('b'); }
`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v := newVU(t, b, nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	got, err := v.call(t, exports, "default")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(got.String()).To(gomega.Equal("a, a|hello b, hello b"))
}

func TestModuleGlobals(t *testing.T) {
	g := gomega.NewWithT(t)
	b, err := Load("testdata/esm/inline.js", []byte(`
export const file = __filename;
export const dir = __dirname;
export default function () {}
`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	exports, err := newVU(t, b, nil).inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(exports.Get("file").String()).To(gomega.HaveSuffix("/internal/bundle/testdata/esm/inline.js"))
	g.Expect(exports.Get("dir").String()).To(gomega.HaveSuffix("/internal/bundle/testdata/esm"))
}
