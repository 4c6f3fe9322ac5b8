package webapi

import (
	"crypto/rand"
	"encoding/hex"
	"errors"

	"github.com/dop251/goja"
)

// maxRandomValues is k6's limit on getRandomValues, in elements.
const maxRandomValues = 65536

var (
	errTypeMismatch = errors.New("TypeMismatchError: typedArray parameter isn't a TypedArray instance")
	errQuota        = errors.New("QuotaExceededError: typedArray parameter is too big; maximum length is 65536")
)

// crypto returns the global crypto object: read-only getRandomValues,
// randomUUID, subtle and CryptoKey (an empty object), as in k6.
func (m *Module) crypto() *goja.Object {
	obj := m.rt.NewObject()
	defineReadOnly(obj, "getRandomValues", m.rt.ToValue(m.getRandomValues))
	defineReadOnly(obj, "randomUUID", m.rt.ToValue(m.randomUUID))
	defineReadOnly(obj, "subtle", m.subtle())
	defineReadOnly(obj, "CryptoKey", m.rt.NewObject())
	return obj
}

// getRandomValues fills an integer typed array in place and returns it.
// As in k6 each element gets one random byte (so a Uint32Array holds
// 0..255) and the limit counts elements. Without an argument k6 crashes;
// here it is the TypeMismatchError of any other wrong argument.
func (m *Module) getRandomValues(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	obj, ok := arg.(*goja.Object)
	if !ok {
		panic(m.rt.NewGoError(errTypeMismatch))
	}
	var n int
	switch a := obj.Export().(type) {
	case []byte:
		n = len(a)
	case []int8:
		n = len(a)
	case []uint16:
		n = len(a)
	case []int16:
		n = len(a)
	case []uint32:
		n = len(a)
	case []int32:
		n = len(a)
	default:
		panic(m.rt.NewGoError(errTypeMismatch))
	}
	if n > maxRandomValues {
		panic(m.rt.NewGoError(errQuota))
	}
	r := make([]byte, n)
	_, _ = rand.Read(r)
	switch a := obj.Export().(type) {
	case []byte:
		copy(a, r)
	case []int8:
		fill(a, r, func(b byte) int8 { return int8(b) })
	case []uint16:
		fill(a, r, func(b byte) uint16 { return uint16(b) })
	case []int16:
		fill(a, r, func(b byte) int16 { return int16(b) })
	case []uint32:
		fill(a, r, func(b byte) uint32 { return uint32(b) })
	case []int32:
		fill(a, r, func(b byte) int32 { return int32(b) })
	}
	return obj
}

// fill sets each element of dst from one byte of src.
func fill[T any](dst []T, src []byte, conv func(byte) T) {
	for i := range dst {
		dst[i] = conv(src[i])
	}
}

// randomUUID returns a random RFC 4122 version 4 UUID in lower case.
func (m *Module) randomUUID(goja.FunctionCall) goja.Value {
	var u [16]byte
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0F | 0x40
	u[8] = u[8]&0x3F | 0x80
	var s [36]byte
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:], u[10:])
	return m.rt.ToValue(string(s[:]))
}
