package matchers

import (
	"fmt"
	"reflect"

	"github.com/onsi/gomega/types"
)

// expectation is what an optional matcher argument can be: a Gomega matcher,
// or a plain value compared for equality (numbers by value, whatever their
// Go type, so 3 matches a count of 3.0). The zero expectation matches
// anything.
type expectation struct {
	m   types.GomegaMatcher
	val any
	set bool
}

func expectationOf(v any) expectation {
	if m, ok := v.(types.GomegaMatcher); ok {
		return expectation{m: m, set: true}
	}
	return expectation{val: v, set: true}
}

// match applies the expectation to actual.
func (e expectation) match(actual any) (bool, error) {
	switch {
	case !e.set:
		return true, nil
	case e.m != nil:
		return e.m.Match(actual)
	}
	if want, ok := toFloat(e.val); ok {
		got, ok := toFloat(actual)
		return ok && got == want, nil
	}
	return reflect.DeepEqual(actual, e.val), nil
}

// String describes the expectation after a noun: "equal to 3" or
// "matching BeNumericallyMatcher{Comparator:< CompareTo:[5]}".
func (e expectation) String() string {
	if e.m != nil {
		return "matching " + describeMatcher(e.m)
	}
	if s, ok := e.val.(string); ok {
		return fmt.Sprintf("equal to %q", s)
	}
	return fmt.Sprintf("equal to %v", e.val)
}

// why is the inner matcher's own failure message for actual, or "".
func (e expectation) why(actual any) string {
	if e.m == nil {
		return ""
	}
	return e.m.FailureMessage(actual)
}

// describer is implemented by this package's matchers that can say what
// they look for in a few words.
type describer interface {
	describe() string
}

// describeMatcher renders a matcher on one line: its own description, or
// its type and fields without the pointer noise.
func describeMatcher(m types.GomegaMatcher) string {
	if d, ok := m.(describer); ok {
		return d.describe()
	}
	v := reflect.ValueOf(m)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		return fmt.Sprintf("%s%+v", v.Type().Name(), v.Interface())
	}
	return fmt.Sprintf("%v", m)
}

// toFloat converts any Go number to a float64.
func toFloat(v any) (float64, bool) {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(r.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(r.Uint()), true
	case reflect.Float32, reflect.Float64:
		return r.Float(), true
	}
	return 0, false
}
