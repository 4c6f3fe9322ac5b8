package webapi

import "github.com/dop251/goja"

// textEncoder is the TextEncoder constructor. As in k6 it returns a plain
// object (so `instanceof TextEncoder` is false), with or without `new`,
// and ignores its arguments. There is no encodeInto.
func (m *Module) textEncoder(goja.ConstructorCall) *goja.Object {
	obj := m.rt.NewObject()
	defineReadOnly(obj, "encode", m.rt.ToValue(m.encode))
	defineReadOnly(obj, "encoding", m.rt.ToValue("utf-8"))
	return obj
}

// encode returns the UTF-8 bytes of String(v) in a new Uint8Array; a lone
// surrogate becomes U+FFFD. undefined, null or no argument give an empty
// array.
func (m *Module) encode(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return m.newUint8Array([]byte{})
	}
	return m.newUint8Array([]byte(v.String()))
}
