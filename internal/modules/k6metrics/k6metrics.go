// Package k6metrics implements "k6/metrics": the Counter, Gauge, Rate and
// Trend constructors for custom metrics.
package k6metrics

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// Module is k6/metrics for one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns the Counter, Gauge, Rate and Trend constructors.
func (m *Module) Exports(string) *goja.Object {
	v := m.vu
	obj := v.Runtime.NewObject()
	for name, t := range map[string]metrics.Type{
		"Counter": metrics.Counter, "Gauge": metrics.Gauge, "Rate": metrics.Rate, "Trend": metrics.Trend,
	} {
		_ = obj.Set(name, constructor(v, t))
	}
	return obj
}

func constructor(v *vu.VU, t metrics.Type) func(goja.ConstructorCall) *goja.Object {
	rt := v.Runtime
	return func(call goja.ConstructorCall) *goja.Object {
		if !v.InInit() {
			panic(rt.NewGoError(errors.New("metrics must be declared in the init context")))
		}
		name := call.Argument(0).String()
		vt := metrics.Default
		if call.Argument(1).ToBoolean() {
			vt = metrics.Time
		}
		m, err := v.Settings.Registry.Register(name, t, vt)
		if err != nil {
			panic(rt.NewGoError(err))
		}
		obj := call.This
		_ = obj.DefineDataProperty("name", rt.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = obj.Set("add", func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(add(v, m, c.Argument(0), c.Argument(1)))
		})
		return nil
	}
}

func add(v *vu.VU, m *metrics.Metric, value, tagsArg goja.Value) bool {
	rt := v.Runtime
	if v.InInit() {
		panic(rt.NewGoError(errors.New("Adding to metrics in the init context is not supported")))
	}
	f, ok := toNumber(value)
	if !ok {
		msg := fmt.Sprintf("'%s' is an invalid value for metric '%s', a number or a boolean value is expected", describe(value), m.Name)
		if v.Settings.Throw {
			panic(rt.NewGoError(errors.New(msg)))
		}
		v.Logf(vu.LevelWarn, "%s", msg)
		return false
	}
	tags := v.Tags()
	if obj, isObj := tagsArg.(*goja.Object); isObj {
		for _, k := range obj.Keys() {
			tv := obj.Get(k)
			switch tv.Export().(type) {
			case string, int64, float64, bool:
			default:
				panic(rt.NewGoError(fmt.Errorf("invalid value for metric tag '%s': only String, Boolean and Number types are accepted as a metric tag values", k)))
			}
			tags = tags.With(k, tv.String())
		}
	}
	v.Push(m, time.Now(), f, tags)
	reportCheck(v, m, f, tags)
	return true
}

// reportCheck reports a sample added to the built-in checks metric with a
// check tag (k6-utils' check does that through a re-declared Rate) as a
// check outcome, so that it appears in the summary's check list as in k6.
func reportCheck(v *vu.VU, m *metrics.Metric, value float64, tags *metrics.TagSet) {
	if m != v.Settings.Builtin.Checks || (v.Iteration() != nil && v.Context().Err() != nil) {
		return
	}
	if name, ok := tags.Get("check"); ok {
		v.Reporter.Check(v.Group(), name, value != 0)
	}
}

// toNumber converts an add() value as k6 does: booleans are 0/1, numeric
// strings are accepted, anything that becomes NaN is invalid.
func toNumber(v goja.Value) (float64, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0, false
	}
	if b, ok := v.Export().(bool); ok {
		if b {
			return 1, true
		}
		return 0, true
	}
	f := v.ToFloat()
	if math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	return v.String()
}
