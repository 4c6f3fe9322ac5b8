package console

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Format renders a console argument as k6 does: a top-level string raw,
// everything else in an inspect-like form.
func Format(rt *goja.Runtime, v goja.Value) string {
	if goja.IsString(v) {
		return v.String()
	}
	f := formatter{rt: rt, seen: map[*goja.Object]bool{}}
	return f.value(v, false)
}

type formatter struct {
	rt   *goja.Runtime
	seen map[*goja.Object]bool
}

func (f *formatter) value(v goja.Value, nested bool) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if goja.IsNull(v) {
		return "null"
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		if goja.IsString(v) && nested {
			return strconv.Quote(v.String())
		}
		if x, ok := v.Export().(float64); ok {
			return formatNumber(x)
		}
		return v.String()
	}
	if _, ok := goja.AssertFunction(obj); ok {
		return "[object Function]"
	}
	if f.seen[obj] {
		return "[Circular]"
	}
	f.seen[obj] = true
	defer delete(f.seen, obj)

	switch obj.ClassName() {
	case "Error":
		return obj.String()
	case "Date":
		iso := obj.Get("toISOString")
		if fn, ok := goja.AssertFunction(iso); ok {
			if s, err := fn(obj); err == nil {
				return strconv.Quote(s.String())
			}
		}
		return obj.String()
	case "Array":
		return f.array(obj)
	}
	if ab, ok := obj.Export().(goja.ArrayBuffer); ok {
		return formatArrayBuffer(ab.Bytes())
	}
	if name, ok := typedArrayName(obj); ok {
		return f.typedArray(name, obj)
	}
	return f.object(obj)
}

func (f *formatter) array(obj *goja.Object) string {
	n := obj.Get("length").ToInteger()
	if n == 0 {
		return "[]"
	}
	parts := make([]string, 0, n)
	for i := int64(0); i < n; i++ {
		parts = append(parts, f.value(obj.Get(strconv.FormatInt(i, 10)), true))
	}
	return "[ " + strings.Join(parts, ", ") + " ]"
}

func (f *formatter) typedArray(name string, obj *goja.Object) string {
	n := obj.Get("length").ToInteger()
	parts := make([]string, 0, n)
	for i := int64(0); i < n; i++ {
		parts = append(parts, f.value(obj.Get(strconv.FormatInt(i, 10)), true))
	}
	if n == 0 {
		return fmt.Sprintf("%s(0) []", name)
	}
	return fmt.Sprintf("%s(%d) [ %s ]", name, n, strings.Join(parts, ", "))
}

func (f *formatter) object(obj *goja.Object) string {
	keys := obj.Keys()
	if len(keys) == 0 {
		return "{}"
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+f.value(obj.Get(k), true))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

func typedArrayName(obj *goja.Object) (string, bool) {
	ctor := obj.Get("constructor")
	c, ok := ctor.(*goja.Object)
	if !ok {
		return "", false
	}
	name := c.Get("name").String()
	if strings.HasSuffix(name, "Array") && name != "Array" {
		if _, ok := obj.Get("byteLength").Export().(int64); ok {
			return name, true
		}
	}
	return "", false
}

func formatArrayBuffer(b []byte) string {
	hex := make([]string, len(b))
	for i, c := range b {
		hex[i] = fmt.Sprintf("%02x", c)
	}
	return fmt.Sprintf("ArrayBuffer { [Uint8Contents]: <%s>, byteLength: %d }", strings.Join(hex, " "), len(b))
}

func formatNumber(x float64) string {
	if math.IsInf(x, 1) {
		return "Infinity"
	}
	if math.IsInf(x, -1) {
		return "-Infinity"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
