package websockets

import "github.com/dop251/goja"

// streamChunk is the largest chunk Blob.stream() yields.
const streamChunk = 64 << 10

// newStream makes the minimal ReadableStream of Blob.stream(): getReader()
// gives a reader whose read() resolves to {value: Uint8Array, done: false}
// for each chunk, then {value: undefined, done: true}. The blob is not
// changed.
func (m *Module) newStream(data []byte) *goja.Object {
	rt := m.rt
	stream := rt.NewObject()
	locked := false
	_ = stream.DefineAccessorProperty("locked", rt.ToValue(func() bool { return locked }), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	_ = stream.Set("getReader", func() *goja.Object {
		if locked {
			panic(rt.NewTypeError("ReadableStream is locked to a reader"))
		}
		locked = true
		rest := data
		done := false
		reader := rt.NewObject()
		_ = reader.Set("read", func() goja.Value {
			res := rt.NewObject()
			if done || len(rest) == 0 {
				done = true
				_ = res.Set("value", goja.Undefined())
				_ = res.Set("done", true)
				return m.resolved(res)
			}
			n := min(len(rest), streamChunk)
			_ = res.Set("value", m.uint8Array(rest[:n]))
			_ = res.Set("done", false)
			rest = rest[n:]
			return m.resolved(res)
		})
		_ = reader.Set("cancel", func() goja.Value {
			done = true
			return m.resolved(goja.Undefined())
		})
		_ = reader.Set("releaseLock", func() { locked = false })
		return reader
	})
	_ = stream.Set("cancel", func() goja.Value { return m.resolved(goja.Undefined()) })
	return stream
}
