package bundle

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// NativeModule builds a module's exports object for one runtime.
type NativeModule func(rt *goja.Runtime) (goja.Value, error)

// Instance is the bundle instantiated in one runtime (one per VU). Like
// the runtime, it belongs to the goroutine that runs that runtime.
type Instance struct {
	b       *Bundle
	rt      *goja.Runtime
	natives map[string]NativeModule
	inInit  func() bool

	// nativeValues caches each native module's value by specifier.
	nativeValues map[string]goja.Value
	// modules caches each JS module's module object by cache key; a module
	// is cached before its body runs, so cycles see partial exports.
	modules map[string]*goja.Object
	// dirs maps the goja file name of each local module run in this
	// runtime to its directory, for open() to find the caller's directory.
	dirs map[string]string
	ran  bool
}

// Instantiate installs require and open on rt's global object (per-VU module
// cache; natives are resolved by exact specifier, before files and jslib
// URLs). inInit reports whether the VU is still in the init stage (open() and
// require() throw outside it, with k6's texts); nil means always. It runs no
// script code.
func (b *Bundle) Instantiate(rt *goja.Runtime, natives map[string]NativeModule, inInit func() bool) (*Instance, error) {
	if inInit == nil {
		inInit = func() bool { return true }
	}
	i := &Instance{
		b:            b,
		rt:           rt,
		natives:      natives,
		inInit:       inInit,
		nativeValues: make(map[string]goja.Value),
		modules:      make(map[string]*goja.Object),
		dirs:         make(map[string]string),
	}
	global := rt.GlobalObject()
	if err := global.Set("require", i.requireFrom(b.main)); err != nil {
		return nil, fmt.Errorf("bundle: install require: %w", err)
	}
	if err := global.Set("open", namedFunc(rt, "open", i.open)); err != nil {
		return nil, fmt.Errorf("bundle: install open: %w", err)
	}
	return i, nil
}

// Init runs the main module's init code (the runner calls it as the first
// task of the VU's event loop, so timers work in init) and returns
// module.exports. Exceptions come back as *goja.Exception with positions
// already mapped to the original file through the source map. Init runs
// once per Instance.
func (i *Instance) Init() (*goja.Object, error) {
	if i.ran {
		return nil, errors.New("bundle: init already ran in this runtime")
	}
	i.ran = true
	mod, err := i.run(fileKey(i.b.main.filename), i.b.main)
	if err != nil {
		return nil, err
	}
	exports := mod.Get("exports")
	if exports == nil || goja.IsUndefined(exports) || goja.IsNull(exports) {
		return nil, &ScriptError{File: i.b.Filename, Message: "module.exports is " + fmt.Sprint(exports)}
	}
	return exports.ToObject(i.rt), nil
}

// run executes a compiled module's body in this runtime and returns its
// module object. The module is cached first, and forgotten again if its
// body throws, so a later require retries it (as Node does).
func (i *Instance) run(key string, m *module) (*goja.Object, error) {
	rt := i.rt
	mod := rt.NewObject()
	exports := rt.NewObject()
	if err := mod.Set("exports", exports); err != nil {
		return nil, err
	}
	i.modules[key] = mod
	if m.local {
		i.dirs[m.name] = m.dirname
	}
	wrapper, err := rt.RunProgram(m.prog)
	if err != nil {
		delete(i.modules, key)
		return nil, err
	}
	fn, ok := goja.AssertFunction(wrapper)
	if !ok {
		delete(i.modules, key)
		return nil, fmt.Errorf("bundle: %s did not compile to a module function", m.name)
	}
	_, err = fn(exports, exports, i.requireFrom(m), mod, rt.ToValue(m.filename), rt.ToValue(m.dirname))
	if err != nil {
		delete(i.modules, key)
		return nil, err
	}
	return mod, nil
}

// requireFrom returns the require function that m's code sees.
func (i *Instance) requireFrom(m *module) goja.Value {
	return namedFunc(i.rt, "require", func(call goja.FunctionCall) goja.Value {
		if !i.inInit() {
			i.throw(errors.New(initOnly("require")))
		}
		v, err := i.require(call.Argument(0).String(), m)
		if err != nil {
			i.throw(err)
		}
		return v
	})
}

// require returns the exports of the module spec names, from m's point of view.
func (i *Instance) require(spec string, from *module) (goja.Value, error) {
	if native, ok := i.natives[spec]; ok {
		if v, ok := i.nativeValues[spec]; ok {
			return v, nil
		}
		v, err := native(i.rt)
		if err != nil {
			return nil, fmt.Errorf("cannot load module %q: %w", spec, err)
		}
		markESModule(i.rt, v)
		i.nativeValues[spec] = v
		return v, nil
	}
	key, m, err := i.b.resolve(spec, from)
	var unknown errUnknownModule
	if errors.As(err, &unknown) {
		names := make([]string, 0, len(i.natives))
		for name := range i.natives {
			names = append(names, name)
		}
		return nil, unknownModule(spec, names)
	}
	if err != nil {
		return nil, err
	}
	mod, ok := i.modules[key]
	if !ok {
		if mod, err = i.run(key, m); err != nil {
			return nil, err
		}
	}
	return mod.Get("exports"), nil
}

// throw raises err in the script: goja's own exceptions and interrupts pass
// through unchanged, anything else becomes a GoError that unwraps to err.
func (i *Instance) throw(err error) {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(ex)
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		panic(intr)
	}
	panic(i.rt.NewGoError(err))
}

// namedFunc wraps fn as a JS function whose name (shown in stack traces)
// is name rather than the Go function's.
func namedFunc(rt *goja.Runtime, name string, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	f := rt.ToValue(fn).ToObject(rt)
	_ = f.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	return f
}

// initOnly is k6's text for an init-only function called later.
func initOnly(fn string) string {
	return fmt.Sprintf("the %q function is only available in the init stage (i.e. the global scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more information", fn)
}

// markESModule makes a native module's namespace what k6 gives: `import *
// as ns` lists only the module's own names, while a default import is the
// module itself. Both marks are non-enumerable, so Object.keys does not
// show them.
func markESModule(rt *goja.Runtime, v goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok || obj.Get("__esModule") != nil {
		return
	}
	_ = obj.DefineDataProperty("__esModule", rt.ToValue(true), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	if obj.Get("default") == nil {
		_ = obj.DefineDataProperty("default", obj, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}
