// Package webapi implements the web globals every script sees without an
// import: TextEncoder, TextDecoder and crypto (getRandomValues, randomUUID
// and crypto.subtle), with k6's behaviour and error texts.
//
// Cryptographic randomness comes from crypto/rand and never follows --seed.
package webapi

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// WebcryptoImportError is k6's error for importing k6/experimental/webcrypto,
// which k6 graduated to the crypto global.
const WebcryptoImportError = "k6/experimental/webcrypto has been graduated and it's now globally available as defined by standard WebAPIs. You just need to remove the import."

// Module holds the web globals of one VU.
type Module struct {
	rt *goja.Runtime
	// The built-in constructors, taken before any script code runs, so
	// that a script replacing a global does not change what the globals
	// return or accept.
	uint8Array *goja.Object
	dataView   *goja.Object
	rangeErr   *goja.Object
}

// New makes the web globals for v, on v's loop goroutine. It takes
// Uint8Array, DataView and RangeError from the global object as they are
// then (InstallGlobals calls it at the first use of a web global).
func New(v *vu.VU) *Module {
	rt := v.Runtime
	return &Module{
		rt:         rt,
		uint8Array: rt.Get("Uint8Array").(*goja.Object),
		dataView:   rt.Get("DataView").(*goja.Object),
		rangeErr:   rt.Get("RangeError").(*goja.Object),
	}
}

// Globals names the globals Exports returns.
func Globals() []string { return []string{"TextEncoder", "TextDecoder", "crypto"} }

// Exports returns one object whose properties are the globals:
// TextEncoder, TextDecoder and crypto. The specifier is not used; the
// caller puts each property on the global object.
func (m *Module) Exports(string) *goja.Object {
	obj := m.rt.NewObject()
	_ = obj.Set("TextEncoder", m.textEncoder)
	_ = obj.Set("TextDecoder", m.textDecoder)
	_ = obj.Set("crypto", m.crypto())
	return obj
}

// defineReadOnly gives obj an enumerable, read-only, non-configurable own
// property.
func defineReadOnly(obj *goja.Object, name string, value goja.Value) {
	_ = obj.DefineDataProperty(name, value, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// viewBytes returns the bytes that v views when it is an ArrayBuffer, a
// typed array or a DataView: the memory itself, not a copy.
func (m *Module) viewBytes(v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch x := obj.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte, []int8, []uint16, []int16, []uint32, []int32, []float32, []float64, []int64, []uint64:
		var b []byte
		if err := m.rt.ExportTo(obj, &b); err != nil {
			return nil, false
		}
		return b, true
	}
	if m.rt.InstanceOf(obj, m.dataView) {
		var b []byte
		if err := m.rt.ExportTo(obj, &b); err != nil {
			return nil, false
		}
		return b, true
	}
	return nil, false
}

// newUint8Array returns a Uint8Array over a new ArrayBuffer that holds b.
func (m *Module) newUint8Array(b []byte) goja.Value {
	arr, err := m.rt.New(m.uint8Array, m.rt.ToValue(m.rt.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return arr
}
