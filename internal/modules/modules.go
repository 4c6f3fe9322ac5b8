package modules

import (
	"errors"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/modules/console"
	k6crypto "github.com/wsk6/wstest/internal/modules/crypto"
	"github.com/wsk6/wstest/internal/modules/data"
	"github.com/wsk6/wstest/internal/modules/encoding"
	"github.com/wsk6/wstest/internal/modules/execution"
	k6http "github.com/wsk6/wstest/internal/modules/http"
	"github.com/wsk6/wstest/internal/modules/k6"
	"github.com/wsk6/wstest/internal/modules/k6metrics"
	"github.com/wsk6/wstest/internal/modules/timers"
	"github.com/wsk6/wstest/internal/modules/webapi"
	"github.com/wsk6/wstest/internal/modules/websockets"
	"github.com/wsk6/wstest/internal/modules/ws"
	"github.com/wsk6/wstest/internal/vu"
)

// instance is the shape every module has once made for a VU.
type instance interface {
	Exports(specifier string) *goja.Object
}

// module is one row of the import table: the specifiers that reach a module
// and how to make it for a VU.
type module struct {
	names []string
	new   func(*vu.VU) instance
}

// table lists every importable module.
func table() []module {
	return []module{
		{[]string{"k6"}, func(v *vu.VU) instance { return k6.New(v) }},
		{[]string{"k6/execution"}, func(v *vu.VU) instance { return execution.New(v) }},
		{[]string{"k6/metrics"}, func(v *vu.VU) instance { return k6metrics.New(v) }},
		{[]string{"k6/timers", "k6/experimental/timers"}, func(v *vu.VU) instance { return timers.New(v) }},
		{[]string{"k6/http"}, func(v *vu.VU) instance { return k6http.New(v) }},
		{[]string{"k6/data"}, func(v *vu.VU) instance { return data.New(v) }},
		{[]string{"k6/encoding"}, func(v *vu.VU) instance { return encoding.New(v) }},
		{[]string{"k6/crypto"}, func(v *vu.VU) instance { return k6crypto.New(v) }},
		{[]string{"k6/ws"}, func(v *vu.VU) instance { return ws.New(v) }},
		{[]string{"k6/websockets", "k6/x/websockets", "k6/experimental/websockets"},
			func(v *vu.VU) instance { return websockets.New(v) }},
	}
}

// Names lists every specifier the table serves, in table order.
func Names() []string {
	var out []string
	for _, m := range table() {
		out = append(out, m.names...)
	}
	return out
}

// removed maps the specifiers k6 no longer serves to the error their
// import gives in k6.
func removed() map[string]string {
	return map[string]string{
		"k6/experimental/webcrypto": webapi.WebcryptoImportError,
	}
}

// guarded maps the specifiers that only wstest serves to the portability
// guard's behaviour for them.
func guarded() map[string]vu.Behaviour {
	return map[string]vu.Behaviour{
		"k6/experimental/timers": vu.ExperimentalTimers,
		"k6/x/websockets":        vu.XWebsockets,
	}
}

// Natives returns the modules a script run by v can import, by specifier.
// Each module is made at the first import of any of its names and shared by
// them; a specifier gives the same exports object every time.
func Natives(v *vu.VU) map[string]bundle.NativeModule {
	out := map[string]bundle.NativeModule{}
	for name, msg := range removed() {
		out[name] = func(*goja.Runtime) (goja.Value, error) { return nil, errors.New(msg) }
	}
	for _, m := range table() {
		var inst instance
		for _, name := range m.names {
			var exports *goja.Object
			out[name] = func(rt *goja.Runtime) (goja.Value, error) {
				if b, ok := guarded()[name]; ok {
					if err := v.Settings.Guard.Use(b, vu.ScriptPosition(rt)); err != nil {
						return nil, err
					}
				}
				if exports == nil {
					if inst == nil {
						inst = m.new(v)
					}
					exports = inst.Exports(name)
				}
				return exports, nil
			}
		}
	}
	return out
}

// InstallGlobals puts on v's global object what every script sees without
// an import: console, the timer functions, TextEncoder, TextDecoder and
// crypto.
func InstallGlobals(v *vu.VU) {
	g := v.Runtime.GlobalObject()
	v.Loop.SetTimers(g)
	_ = g.Set("console", console.New(v))
	var web *goja.Object
	lazyGlobals(v.Runtime, webapi.Globals(), func() *goja.Object {
		if web == nil {
			web = webapi.New(v).Exports("")
		}
		return web
	})
}

// lazyGlobals puts names on the global object as accessors that build
// their values at first use, then turn into plain properties: most scripts
// never touch them, and making them (and the typed-array constructors they
// need, which goja builds lazily) costs a fifth of a VU's start.
// Writing a name first replaces it as well.
func lazyGlobals(rt *goja.Runtime, names []string, exports func() *goja.Object) {
	g := rt.GlobalObject()
	for _, name := range names {
		settle := func(val goja.Value) {
			_ = g.DefineDataProperty(name, val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		get := rt.ToValue(func() goja.Value {
			val := exports().Get(name)
			settle(val)
			return val
		})
		set := rt.ToValue(func(val goja.Value) { settle(val) })
		_ = g.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}
