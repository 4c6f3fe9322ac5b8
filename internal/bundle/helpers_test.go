package bundle

import (
	"os"
	"testing"

	"github.com/dop251/goja"
)

// vu is one runtime with the bundle instantiated in it.
type vu struct {
	rt   *goja.Runtime
	inst *Instance
	// init is what inInit reports; tests flip it to leave the init stage.
	init bool
}

// testNatives are small stand-ins for the runner's native modules.
func testNatives() map[string]NativeModule {
	return map[string]NativeModule{
		"k6": func(rt *goja.Runtime) (goja.Value, error) {
			o := rt.NewObject()
			_ = o.Set("version", "test")
			_ = o.Set("check", func(v goja.Value, sets goja.Value) bool { return true })
			return o, nil
		},
		"k6/execution": func(rt *goja.Runtime) (goja.Value, error) {
			o := rt.NewObject()
			vu := rt.NewObject()
			_ = vu.Set("idInTest", 7)
			_ = o.Set("vu", vu)
			return o, nil
		},
	}
}

// loadFile loads a script from testdata by path.
func loadFile(t testing.TB, path string, opts Options) (*Bundle, error) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Load(path, src, opts)
}

// mustLoad loads a script and fails the test on error.
func mustLoad(t testing.TB, path string, opts Options) *Bundle {
	t.Helper()
	b, err := loadFile(t, path, opts)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return b
}

// newVU instantiates b in a fresh runtime with natives (testNatives when nil).
func newVU(t testing.TB, b *Bundle, natives map[string]NativeModule) *vu {
	t.Helper()
	if natives == nil {
		natives = testNatives()
	}
	v := &vu{rt: goja.New(), init: true}
	inst, err := b.Instantiate(v.rt, natives, func() bool { return v.init })
	if err != nil {
		t.Fatalf("instantiate: %v", err)
	}
	v.inst = inst
	return v
}

// call calls the exported function name of exports.
func (v *vu) call(t testing.TB, exports *goja.Object, name string) (goja.Value, error) {
	t.Helper()
	fn, ok := goja.AssertFunction(exports.Get(name))
	if !ok {
		t.Fatalf("export %q is not a function", name)
	}
	return fn(goja.Undefined())
}
