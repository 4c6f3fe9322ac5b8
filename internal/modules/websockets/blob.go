package websockets

import (
	"fmt"
	"strconv"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// blobData is the Go side of a Blob: immutable bytes and a type.
type blobData struct {
	data     []byte
	typ      string
	received bool // made for a received message (the guard watches instanceof on it)
}

// defineBlob makes the VU's one Blob constructor (DECISIONS 5).
func (m *Module) defineBlob() {
	rt := m.rt
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		data := m.blobParts(call.Argument(0))
		typ := ""
		if opts := call.Argument(1); !goja.IsUndefined(opts) {
			obj, ok := opts.(*goja.Object)
			if !ok {
				m.throw("[options] must be an object")
			}
			if t := obj.Get("type"); t != nil && !goja.IsUndefined(t) {
				typ = t.String()
			}
		}
		return m.newBlob(data, typ)
	}).(*goja.Object)
	proto := ctor.Get("prototype").(*goja.Object)
	m.blobCtor, m.blobProto = ctor, proto
	// instanceof as usual (the prototype chain), but a received blob that
	// passes is a use of a wstest-only behaviour.
	_ = ctor.DefineDataPropertySymbol(goja.SymHasInstance, rt.ToValue(func(call goja.FunctionCall) goja.Value {
		obj, ok := call.Argument(0).(*goja.Object)
		if !ok || !inherits(obj, proto) {
			return rt.ToValue(false)
		}
		if b := m.blobOf(obj); b != nil && b.received {
			m.vu.Settings.Guard.UseIn(rt, vu.ReceivedBlob)
		}
		return rt.ToValue(true)
	}), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)

	method := func(name string, f func(b *blobData, call goja.FunctionCall) goja.Value) {
		_ = proto.DefineDataProperty(name, rt.ToValue(func(call goja.FunctionCall) goja.Value {
			return f(m.mustBlob(call.This), call)
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	getter := func(name string, get func(b *blobData) goja.Value) {
		g := rt.ToValue(func(call goja.FunctionCall) goja.Value { return get(m.mustBlob(call.This)) })
		_ = proto.DefineAccessorProperty(name, g, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	getter("size", func(b *blobData) goja.Value { return rt.ToValue(len(b.data)) })
	getter("type", func(b *blobData) goja.Value { return rt.ToValue(b.typ) })
	method("arrayBuffer", func(b *blobData, _ goja.FunctionCall) goja.Value {
		return m.resolved(rt.NewArrayBuffer(append([]byte(nil), b.data...)))
	})
	method("bytes", func(b *blobData, _ goja.FunctionCall) goja.Value {
		return m.resolved(m.uint8Array(b.data))
	})
	method("text", func(b *blobData, _ goja.FunctionCall) goja.Value {
		return m.resolved(string(b.data))
	})
	method("slice", func(b *blobData, call goja.FunctionCall) goja.Value {
		size := int64(len(b.data))
		start := clampIndex(call.Argument(0), 0, size)
		end := clampIndex(call.Argument(1), size, size)
		typ := ""
		if t := call.Argument(2); !goja.IsUndefined(t) {
			typ = t.String()
		}
		if end < start {
			end = start
		}
		return m.newBlob(b.data[start:end:end], typ)
	})
	method("stream", func(b *blobData, _ goja.FunctionCall) goja.Value {
		return m.newStream(b.data)
	})
	_ = proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("Blob"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// clampIndex applies the File API's slice rules: undefined is def, a
// negative index counts from the end, and the result lies in [0, size].
func clampIndex(v goja.Value, def, size int64) int64 {
	if v == nil || goja.IsUndefined(v) {
		return def
	}
	f := v.ToFloat()
	if f != f {
		return 0
	}
	var i int64
	switch {
	case f >= float64(size):
		return size
	case f <= -float64(size):
		return 0
	default:
		i = int64(f)
	}
	if i < 0 {
		i += size
	}
	return i
}

// newBlob makes a Blob over data (not copied: blob bytes never change).
func (m *Module) newBlob(data []byte, typ string) *goja.Object {
	return m.makeBlob(&blobData{data: data, typ: typ})
}

// receivedBlob makes the Blob of a received binary message.
func (m *Module) receivedBlob(data []byte) *goja.Object {
	return m.makeBlob(&blobData{data: data, received: true})
}

func (m *Module) makeBlob(b *blobData) *goja.Object {
	obj := m.rt.CreateObject(m.blobProto)
	_ = obj.DefineDataPropertySymbol(m.blobKey, m.rt.ToValue(b), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return obj
}

// inherits reports whether proto is on obj's prototype chain.
func inherits(obj, proto *goja.Object) bool {
	for p := obj.Prototype(); p != nil; p = p.Prototype() {
		if p == proto {
			return true
		}
	}
	return false
}

// blobOf returns the data of a Blob made by this module, or nil.
func (m *Module) blobOf(obj *goja.Object) *blobData {
	if h := obj.GetSymbol(m.blobKey); h != nil {
		if b, ok := h.Export().(*blobData); ok {
			return b
		}
	}
	return nil
}

func (m *Module) mustBlob(v goja.Value) *blobData {
	if obj, ok := v.(*goja.Object); ok {
		if b := m.blobOf(obj); b != nil {
			return b
		}
	}
	panic(m.rt.NewTypeError("Illegal invocation: not a Blob"))
}

// blobParts concatenates the parts of new Blob(parts).
func (m *Module) blobParts(v goja.Value) []byte {
	if goja.IsUndefined(v) {
		return nil
	}
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Array" {
		m.throw(fmt.Sprintf("failed to process [blobParts]: could not convert %s to []interface {}", v.String()))
	}
	var out []byte
	n := obj.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		part := obj.Get(strconv.FormatInt(i, 10))
		if goja.IsString(part) {
			out = append(out, part.String()...)
			continue
		}
		if po, ok := part.(*goja.Object); ok {
			if b, ok := m.bytesOf(po); ok {
				out = append(out, b...)
				continue
			}
		}
		m.throw(fmt.Sprintf("failed to process [blobParts]: unsupported type: %T", part.Export()))
	}
	return out
}

// uint8Array makes a Uint8Array over a copy of b.
func (m *Module) uint8Array(b []byte) *goja.Object {
	buf := m.rt.NewArrayBuffer(append([]byte(nil), b...))
	arr, err := m.rt.New(m.uint8Ctor, m.rt.ToValue(buf))
	if err != nil {
		panic(err)
	}
	return arr
}

// resolved returns a promise already fulfilled with v (on the loop).
func (m *Module) resolved(v any) goja.Value {
	p, resolve, _ := m.rt.NewPromise()
	_ = resolve(v)
	return m.rt.ToValue(p)
}
