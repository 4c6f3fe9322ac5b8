// Package k6 implements the "k6" module: check, group, sleep, fail and
// randomSeed.
package k6

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// Module is the k6 module of one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns check, group, sleep, fail and randomSeed.
func (m *Module) Exports(string) *goja.Object {
	obj := m.vu.Runtime.NewObject()
	_ = obj.Set("check", m.check)
	_ = obj.Set("group", m.group)
	_ = obj.Set("sleep", m.sleep)
	_ = obj.Set("fail", m.fail)
	_ = obj.Set("randomSeed", m.randomSeed)
	return obj
}

func (m *Module) throw(format string, args ...any) {
	panic(m.vu.Runtime.NewGoError(fmt.Errorf(format, args...)))
}

func (m *Module) check(call goja.FunctionCall) goja.Value {
	rt := m.vu.Runtime
	if m.vu.InInit() {
		m.throw("check() is not supported in the init context")
	}
	value := call.Argument(0)
	checksArg := call.Argument(1)
	if goja.IsUndefined(checksArg) || goja.IsNull(checksArg) {
		m.throw("no checks provided to `check`")
	}
	checks := checksArg.ToObject(rt)
	tags := m.vu.Tags()
	if extra, ok := call.Argument(2).(*goja.Object); ok {
		for _, k := range extra.Keys() {
			tags = tags.With(k, extra.Get(k).String())
		}
	}
	now := time.Now()
	all := true
	for _, name := range checks.Keys() {
		if strings.Contains(name, "::") {
			m.throw("group and check names may not contain '::'")
		}
		val := checks.Get(name)
		pass := false
		if fn, ok := goja.AssertFunction(val); ok {
			if isAsync(val) {
				m.throw("check %q: async functions are not supported as checks", name)
			}
			res, err := fn(goja.Undefined(), value)
			if err != nil {
				m.record(name, false, now, tags)
				panic(err)
			}
			pass = res.ToBoolean()
		} else {
			pass = val.ToBoolean()
		}
		m.record(name, pass, now, tags)
		all = all && pass
	}
	return rt.ToValue(all)
}

func (m *Module) record(name string, pass bool, t time.Time, tags *metrics.TagSet) {
	value := 0.0
	if pass {
		value = 1
	}
	m.vu.Push(m.vu.Settings.Builtin.Checks, t, value, tags.With("check", name))
	m.vu.Reporter.Check(m.vu.Group(), name, pass)
}

func (m *Module) group(name string, fn goja.Value) goja.Value {
	if m.vu.InInit() {
		m.throw("group() is not supported in the init context")
	}
	if strings.Contains(name, "::") {
		m.throw("group and check names may not contain '::'")
	}
	call, ok := goja.AssertFunction(fn)
	if !ok {
		m.throw("group() requires a callback as its second argument")
	}
	if isAsync(fn) {
		m.throw("group() does not support async functions as its callback")
	}
	outer := m.vu.Group()
	path := outer + "::" + name
	m.vu.SetGroup(path)
	m.vu.Reporter.Group(path)
	start := time.Now()
	res, err := call(goja.Undefined())
	end := time.Now()
	m.vu.Push(m.vu.Settings.Builtin.GroupDuration, end, msSince(start, end), m.vu.Tags())
	m.vu.SetGroup(outer)
	if err != nil {
		panic(err)
	}
	return res
}

func (m *Module) sleep(seconds float64) {
	if !(seconds > 0) {
		return
	}
	scale := m.vu.Settings.TimeScale
	if scale <= 0 {
		scale = 1
	}
	d := time.Duration(seconds * scale * float64(time.Second))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-m.vu.Context().Done():
	}
}

func (m *Module) fail(msg goja.Value) {
	text := ""
	if msg != nil && !goja.IsUndefined(msg) {
		text = msg.String()
	}
	panic(m.vu.Runtime.NewGoError(errors.New(text)))
}

func (m *Module) randomSeed(seed int64) {
	m.vu.Runtime.SetRandSource(rand.New(rand.NewSource(seed)).Float64)
}

// isAsync reports whether v is an async function (k6 rejects them in check and group).
func isAsync(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	ctor, ok := obj.Get("constructor").(*goja.Object)
	return ok && ctor.Get("name").String() == "AsyncFunction"
}

func msSince(start, end time.Time) float64 {
	return float64(end.Sub(start)) / float64(time.Millisecond)
}
