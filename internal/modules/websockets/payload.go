package websockets

import (
	"fmt"
	"reflect"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/vu"
)

var (
	typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})
	typeBytes       = reflect.TypeOf([]byte(nil))
)

// outgoing is a data message for send().
type outgoing struct {
	binary bool
	text   string // a text message's data
	data   []byte // a binary message's data
}

// size is what the message adds to bufferedAmount.
func (msg outgoing) size() int64 {
	if msg.binary {
		return int64(len(msg.data))
	}
	return int64(len(msg.text))
}

// payload returns what send(v) puts on the wire: the text of a string or
// the bytes of a binary value, or throws `unsupported send type <T>`. The
// bytes are not copied here: the write copies them before send() returns
// (gorilla masks them into its frame buffer, and spillConn copies what the
// kernel does not take at once), so a later change to the buffer cannot
// reach the wire (DECISIONS 6).
func (m *Module) payload(v goja.Value) outgoing {
	if goja.IsString(v) {
		return outgoing{text: wsconn.ValidUTF8(v.String())}
	}
	if obj, ok := v.(*goja.Object); ok {
		if m.blobOf(obj) != nil {
			m.vu.Settings.Guard.UseIn(m.rt, vu.SendBlob)
		}
		if b, ok := m.bytesOf(obj); ok {
			return outgoing{binary: true, data: b}
		}
	}
	m.throw(fmt.Sprintf("unsupported send type %T", v.Export()))
	return outgoing{}
}

// bytesOf returns the bytes of an ArrayBuffer, of a view (every TypedArray
// and DataView: only the view's own bytes) or of a Blob of this module,
// without copying them.
func (m *Module) bytesOf(obj *goja.Object) ([]byte, bool) {
	switch obj.ExportType() {
	case typeArrayBuffer:
		return obj.Export().(goja.ArrayBuffer).Bytes(), true
	case typeBytes:
		if b, ok := obj.Export().([]byte); ok && obj.ClassName() != "Array" {
			return b, true
		}
	}
	if b := m.blobOf(obj); b != nil {
		return b.data, true
	}
	if isView, err := m.isView(goja.Undefined(), obj); err != nil || !isView.ToBoolean() {
		return nil, false
	}
	buf, ok := obj.Get("buffer").Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	all := buf.Bytes()
	off := obj.Get("byteOffset").ToInteger()
	n := obj.Get("byteLength").ToInteger()
	if off < 0 || n < 0 || off+n > int64(len(all)) {
		return nil, false
	}
	return all[off : off+n], true
}
