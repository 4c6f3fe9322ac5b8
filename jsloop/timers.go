package jsloop

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/dop251/goja"
)

// SetTimers installs setTimeout, clearTimeout, setInterval and clearInterval
// on obj (the global object, or a module's exports object), with k6's
// semantics:
//
//   - setTimeout(cb, delay, ...args) and setInterval(cb, delay, ...args)
//     return a number id; ids start at 1 per Loop, are shared by both kinds
//     and are not reset between Runs.
//   - clearTimeout and clearInterval are the same function; an unknown id is
//     ignored.
//   - delay is in milliseconds (fractions allowed); missing, undefined, null,
//     negative, NaN or infinite means 0. WithTimeScale scales it.
//   - cb runs with this = globalThis and the extra arguments, each call as
//     its own macrotask; timers fire in deadline order, FIFO for equal
//     deadlines. An interval is rescheduled at now+delay after its callback.
//   - A throwing callback ends Run with that exception.
//   - Pending timers keep Run going; when Context() ends they are dropped
//     with a warning each.
//
// Call it on the loop goroutine. It panics if obj refuses the properties.
func (l *Loop) SetTimers(obj *goja.Object) {
	clearTimer := func(call goja.FunctionCall) goja.Value {
		l.timers.remove(call.Argument(0).ToInteger())
		return goja.Undefined()
	}
	clearFn := l.rt.ToValue(clearTimer)
	props := []struct {
		name  string
		value any
	}{
		{"setTimeout", func(call goja.FunctionCall) goja.Value { return l.schedule(call, false) }},
		{"clearTimeout", clearFn},
		{"setInterval", func(call goja.FunctionCall) goja.Value { return l.schedule(call, true) }},
		{"clearInterval", clearFn},
	}
	for _, p := range props {
		if err := obj.Set(p.name, p.value); err != nil {
			panic(fmt.Errorf("jsloop: install %s: %w", p.name, err))
		}
	}
}

// schedule implements setTimeout and setInterval.
func (l *Loop) schedule(call goja.FunctionCall, interval bool) goja.Value {
	name := "setTimeout"
	if interval {
		name = "setInterval"
	}
	arg := call.Argument(0)
	if goja.IsUndefined(arg) || goja.IsNull(arg) {
		panic(l.rt.NewGoError(fmt.Errorf("%s's callback isn't a callable function", name)))
	}
	cb, ok := goja.AssertFunction(arg)
	if !ok {
		panic(l.rt.NewTypeError("%s's callback isn't a callable function", name))
	}
	delay := scaledDelay(call.Argument(1).ToFloat(), l.scale)
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = slices.Clone(call.Arguments[2:]) // Arguments lives on the VM stack
	}
	return l.rt.ToValue(l.timers.add(cb, delay, args, interval))
}

// scaledDelay turns a JS delay in milliseconds into a duration: NaN,
// infinities and values <= 0 are 0; huge values saturate.
func scaledDelay(ms, scale float64) time.Duration {
	if !(ms > 0) || math.IsInf(ms, 1) {
		return 0
	}
	ns := ms * scale * float64(time.Millisecond)
	if ns >= math.MaxInt64 {
		return math.MaxInt64
	}
	return time.Duration(ns)
}
