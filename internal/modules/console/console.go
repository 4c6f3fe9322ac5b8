// Package console implements the console global with k6's levels and its
// formatting of values.
package console

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// New returns the console object for v: log, info, warn, error and debug.
func New(v *vu.VU) *goja.Object {
	rt := v.Runtime
	obj := rt.NewObject()
	method := func(level vu.Level) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = Format(rt, a)
			}
			v.Reporter.LogFrom(v.ID, level, "console", strings.Join(parts, " "))
			return goja.Undefined()
		}
	}
	_ = obj.Set("log", method(vu.LevelInfo))
	_ = obj.Set("info", method(vu.LevelInfo))
	_ = obj.Set("debug", method(vu.LevelDebug))
	_ = obj.Set("warn", method(vu.LevelWarn))
	_ = obj.Set("error", method(vu.LevelError))
	return obj
}
