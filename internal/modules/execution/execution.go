// Package execution implements "k6/execution": information about the running
// VU, scenario, instance and test, and test.abort / test.fail.
package execution

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// AbortError is the interrupt value of exec.test.abort(): the runner ends the
// whole run when an iteration ends with it.
type AbortError struct{ Reason string }

// Error says that the test was aborted, and why when the script said.
func (e *AbortError) Error() string {
	if e.Reason == "" {
		return "test aborted"
	}
	return "test aborted: " + e.Reason
}

// Module is k6/execution for one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns vu, scenario, instance and test. Every property is a
// lazy getter so values are read at access time.
func (m *Module) Exports(string) *goja.Object {
	rt := m.vu.Runtime
	obj := rt.NewObject()
	m.getter(obj, "vu", m.vuObject, true)
	m.getter(obj, "scenario", m.scenarioObject, true)
	m.getter(obj, "instance", m.instanceObject, false)
	m.getter(obj, "test", m.testObject, false)
	return obj
}

func (m *Module) getter(obj *goja.Object, name string, build func() *goja.Object, iterOnly bool) {
	rt := m.vu.Runtime
	get := rt.ToValue(func() goja.Value {
		if iterOnly && m.vu.InInit() {
			panic(rt.NewGoError(fmt.Errorf("getting %s information in the init context is not supported", name)))
		}
		return build()
	})
	_ = obj.DefineAccessorProperty(name, get, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

func (m *Module) vuObject() *goja.Object {
	rt := m.vu.Runtime
	it := m.vu.Iteration()
	o := rt.NewObject()
	_ = o.Set("idInInstance", m.vu.ID)
	_ = o.Set("idInTest", m.vu.ID)
	_ = o.Set("iterationInInstance", it.Number)
	_ = o.Set("iterationInScenario", it.NumberInScenario)
	tags := m.tagsObject()
	_ = o.Set("tags", tags)
	metricsObj := rt.NewObject()
	_ = metricsObj.Set("tags", tags)
	_ = metricsObj.Set("metadata", rt.NewObject())
	_ = o.Set("metrics", metricsObj)
	return o
}

// tagsObject is a live view of the VU's tags: writes change the tags of
// every later sample of this VU.
func (m *Module) tagsObject() *goja.Object {
	return m.vu.Runtime.NewDynamicObject(&tagsView{vu: m.vu})
}

func (m *Module) scenarioObject() *goja.Object {
	rt := m.vu.Runtime
	it := m.vu.Iteration()
	sc := it.Scenario
	o := rt.NewObject()
	_ = o.Set("name", sc.Name)
	_ = o.Set("executor", sc.Executor)
	_ = o.Set("startTime", sc.Start.UnixMilli())
	_ = o.Set("progress", sc.Progress())
	_ = o.Set("iterationInInstance", it.NumberInTest)
	_ = o.Set("iterationInTest", it.NumberInTest)
	return o
}

func (m *Module) instanceObject() *goja.Object {
	rt := m.vu.Runtime
	info := m.vu.Exec.Instance()
	o := rt.NewObject()
	_ = o.Set("iterationsCompleted", info.IterationsCompleted)
	_ = o.Set("iterationsInterrupted", info.IterationsInterrupted)
	_ = o.Set("vusActive", info.VUsActive)
	_ = o.Set("vusInitialized", info.VUsInitialized)
	_ = o.Set("currentTestRunDuration", float64(info.CurrentTestRunDuration.Microseconds())/1000)
	return o
}

func (m *Module) testObject() *goja.Object {
	rt := m.vu.Runtime
	o := rt.NewObject()
	_ = o.Set("abort", func(call goja.FunctionCall) goja.Value {
		if m.vu.InInit() {
			panic(rt.NewGoError(errors.New("test.abort() is not supported in the init context")))
		}
		reason := ""
		if a := call.Argument(0); !goja.IsUndefined(a) {
			reason = a.String()
		}
		m.vu.Exec.Abort(reason, callerFrame(rt))
		rt.Interrupt(&AbortError{Reason: reason})
		return goja.Undefined()
	})
	_ = o.Set("fail", func(call goja.FunctionCall) goja.Value {
		reason := ""
		if a := call.Argument(0); !goja.IsUndefined(a) {
			reason = a.String()
		}
		m.vu.Exec.Fail(reason)
		return goja.Undefined()
	})
	opts := rt.ToValue(m.vu.Exec.Options())
	if frozen, ok := opts.(*goja.Object); ok {
		if freeze, ok := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("freeze")); ok {
			_, _ = freeze(goja.Undefined(), frozen)
		}
	}
	_ = o.Set("options", opts)
	return o
}

// callerFrame is the innermost script frame of the running call, as goja
// writes a stack frame ("default (abort.js:4:9(12))"); k6 names it after
// an abort's reason.
func callerFrame(rt *goja.Runtime) string {
	for _, f := range rt.CaptureCallStack(0, nil) {
		if f.Position().Filename == "" {
			continue // the native function itself
		}
		var b bytes.Buffer
		f.Write(&b)
		return b.String()
	}
	return ""
}
