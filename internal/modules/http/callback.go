package http

import (
	"math"

	"github.com/dop251/goja"
)

// statuses is what http.expectedStatuses makes: the statuses a response
// callback accepts as expected.
type statuses struct{ ranges [][2]int64 }

// defaultStatuses is k6's initial callback: 200 to 399.
func defaultStatuses() *statuses { return &statuses{ranges: [][2]int64{{200, 399}}} }

// expected reports whether status is one of s's.
func (s *statuses) expected(status int) bool {
	for _, r := range s.ranges {
		if int64(status) >= r[0] && int64(status) <= r[1] {
			return true
		}
	}
	return false
}

func isInteger(v goja.Value) (int64, bool) {
	switch x := v.Export().(type) {
	case int64:
		return x, true
	case float64:
		if x == math.Trunc(x) && !math.IsInf(x, 0) {
			return int64(x), true
		}
	}
	return 0, false
}

// expectedStatuses(...args): integers or {min, max} objects of integers.
func (m *Module) expectedStatuses(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) == 0 {
		m.throw("no arguments")
	}
	s := &statuses{}
	for i, a := range c.Arguments {
		if n, ok := isInteger(a); ok {
			s.ranges = append(s.ranges, [2]int64{n, n})
			continue
		}
		if goja.IsNull(a) || goja.IsUndefined(a) {
			panic(m.rt.NewTypeError("Cannot convert undefined or null to object"))
		}
		o, ok := a.(*goja.Object)
		if !ok || o.Get("max") == nil {
			m.throwf("argument number %d to expectedStatuses was neither an integer nor an object like {min:100, max:329}", i+1)
		}
		lo, ok1 := isInteger(orUndefined(o.Get("min")))
		hi, ok2 := isInteger(o.Get("max"))
		if !ok1 || !ok2 {
			m.throwf("both min and max need to be integers for argument number %d", i+1)
		}
		s.ranges = append(s.ranges, [2]int64{lo, hi})
	}
	obj := m.rt.NewObject()
	_ = obj.SetSymbol(m.statusKey, m.rt.ToValue(s))
	return obj
}

func orUndefined(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// statusesOf returns the statuses behind an expectedStatuses object, or nil.
func (m *Module) statusesOf(v goja.Value) *statuses {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	s, _ := symbolOf(o, m.statusKey).(*statuses)
	return s
}

// setResponseCallback(cb): an expectedStatuses object, null or nothing.
func (m *Module) setResponseCallback(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) == 0 || goja.IsNull(c.Argument(0)) {
		m.callback = nil
		return goja.Undefined()
	}
	s := m.statusesOf(c.Argument(0))
	if s == nil {
		m.throw("unsupported argument, expected http.expectedStatuses")
	}
	m.callback = s
	return goja.Undefined()
}
