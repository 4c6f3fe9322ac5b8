// Package data implements the "k6/data" module: SharedArray, an array that
// init code builds once per run and every VU reads without a copy of its
// own.
package data

import (
	"errors"
	"strconv"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is the k6/data module of one VU.
type Module struct {
	vu *vu.VU
	// parse turns one stored element back into a deep-frozen JS value; made
	// at the first read.
	parse goja.Callable
}

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns SharedArray; a default import gives the same object.
func (m *Module) Exports(string) *goja.Object {
	obj := m.vu.Runtime.NewObject()
	_ = obj.Set("SharedArray", m.vu.Runtime.ToValue(m.construct))
	return obj
}

// elements is what the run stores for one SharedArray: the JSON text of
// each element, as JSON.stringify gave it ("undefined" where it gave
// nothing, as k6 stores it). It never changes once stored.
type elements []string

func (m *Module) throw(msg string) {
	panic(m.vu.Runtime.NewGoError(errors.New(msg)))
}

// construct is `new SharedArray(name, fn)`; calling it without new works
// the same.
func (m *Module) construct(call goja.ConstructorCall) *goja.Object {
	rt := m.vu.Runtime
	if !m.vu.InInit() {
		m.throw("new SharedArray must be called in the init context")
	}
	name := call.Argument(0).String()
	if name == "" {
		m.throw("empty name provided to SharedArray's constructor")
	}
	fnVal := call.Argument(1)
	fn, ok := goja.AssertFunction(fnVal)
	if !ok {
		m.throw("a function is expected as the second argument of SharedArray's constructor")
	}
	if isAsync(fnVal) {
		m.throw("SharedArray constructor does not support async functions as second argument")
	}
	store := m.vu.Settings.Shared
	if store == nil {
		m.throw("SharedArray is not available: the run has no shared store")
	}
	v, err := store.Load(name, func() (any, error) { return m.build(fn) })
	if err != nil {
		panic(err) // the builder's own exception, unchanged
	}
	return rt.NewDynamicArray(&view{m: m, data: v.(elements)})
}

// build runs fn and keeps the JSON text of each element of the array it
// returns.
func (m *Module) build(fn goja.Callable) (elements, error) {
	rt := m.vu.Runtime
	res, err := fn(goja.Undefined())
	if err != nil {
		return nil, err
	}
	arr, ok := res.(*goja.Object)
	if !ok || arr.ClassName() != "Array" {
		m.throw("only arrays can be made into SharedArray")
	}
	stringify, _ := goja.AssertFunction(rt.GlobalObject().Get("JSON").ToObject(rt).Get("stringify"))
	n := arr.Get("length").ToInteger()
	out := make(elements, n)
	for i := int64(0); i < n; i++ {
		s, err := stringify(goja.Undefined(), arr.Get(itoa(i)))
		if err != nil {
			return nil, err
		}
		out[i] = s.String() // "undefined" when JSON has no text for it
	}
	return out, nil
}

// element returns the stored element s as a fresh, deep-frozen JS value.
func (m *Module) element(s string) goja.Value {
	rt := m.vu.Runtime
	if m.parse == nil {
		fn, err := rt.RunString(`(function () {
  const freeze = (v) => {
    if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) freeze(v[k]);
      Object.freeze(v);
    }
    return v;
  };
  return (s) => freeze(JSON.parse(s));
})()`)
		if err != nil {
			panic(err)
		}
		m.parse, _ = goja.AssertFunction(fn)
	}
	v, err := m.parse(goja.Undefined(), rt.ToValue(s))
	if err != nil {
		panic(err)
	}
	return v
}

// view is one VU's read-only window on a SharedArray's elements: each read
// parses the element again; every write throws.
type view struct {
	m    *Module
	data elements
}

// Len is the number of elements.
func (a *view) Len() int { return len(a.data) }

// Get parses element i again; out of range gives undefined.
func (a *view) Get(i int) goja.Value {
	if i < 0 || i >= len(a.data) {
		return goja.Undefined()
	}
	return a.m.element(a.data[i])
}

// Set throws k6's immutability TypeError.
func (a *view) Set(int, goja.Value) bool {
	panic(a.m.vu.Runtime.NewTypeError("SharedArray is immutable"))
}

// SetLen throws k6's immutability TypeError.
func (a *view) SetLen(int) bool { panic(a.m.vu.Runtime.NewTypeError("SharedArray is immutable")) }

func isAsync(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	ctor, ok := obj.Get("constructor").(*goja.Object)
	return ok && ctor.Get("name").String() == "AsyncFunction"
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }
