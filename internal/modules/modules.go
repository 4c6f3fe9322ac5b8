package modules

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/modules/console"
	"github.com/wsk6/wstest/internal/modules/execution"
	k6http "github.com/wsk6/wstest/internal/modules/http"
	"github.com/wsk6/wstest/internal/modules/k6"
	"github.com/wsk6/wstest/internal/modules/k6metrics"
	"github.com/wsk6/wstest/internal/modules/timers"
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

// Natives returns the modules a script run by v can import, by specifier.
// Each module is made at the first import of any of its names and shared by
// them; a specifier gives the same exports object every time.
func Natives(v *vu.VU) map[string]bundle.NativeModule {
	out := map[string]bundle.NativeModule{}
	for _, m := range table() {
		var inst instance
		for _, name := range m.names {
			var exports *goja.Object
			out[name] = func(*goja.Runtime) (goja.Value, error) {
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
// an import: console and the timer functions.
func InstallGlobals(v *vu.VU) {
	g := v.Runtime.GlobalObject()
	v.Loop.SetTimers(g)
	_ = g.Set("console", console.New(v))
}
