package webapi

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// errInvalidData is k6's error for a decode input it cannot read.
var errInvalidData = errors.New("data is not an ArrayBuffer, typed array, or DataView")

// labels maps each accepted TextDecoder label to its encoding. Any other
// label is refused, as in k6 (latin1 and windows-1252 included).
func labels(label string) (string, bool) {
	switch label {
	case "", "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
		return encUTF8, true
	case "utf-16", "utf-16le", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2", "unicodefeff":
		return encUTF16LE, true
	case "utf-16be", "unicodefffe":
		return encUTF16BE, true
	}
	return "", false
}

// textDecoder is the TextDecoder constructor: TextDecoder(label?,
// options?). As in k6 it returns a plain object with read-only decode,
// encoding, fatal and ignoreBOM, with or without `new`.
func (m *Module) textDecoder(call goja.ConstructorCall) *goja.Object {
	rt := m.rt
	label := ""
	if l := call.Argument(0); !goja.IsUndefined(l) && !goja.IsNull(l) {
		label = strings.ToLower(strings.Trim(l.String(), "\t\n\f\r "))
	}
	enc, ok := labels(label)
	if !ok {
		panic(m.rangeError("unsupported encoding: " + label))
	}
	d := &decoder{enc: enc}
	if o := call.Argument(1); !goja.IsUndefined(o) && !goja.IsNull(o) {
		opts, ok := o.(*goja.Object)
		if !ok {
			panic(rt.NewGoError(fmt.Errorf("could not convert %s to encoding.TextDecoderOptions", o.String())))
		}
		d.fatal = boolOption(opts, "fatal")
		d.ignoreBOM = boolOption(opts, "ignoreBOM")
	}
	obj := rt.NewObject()
	defineReadOnly(obj, "decode", rt.ToValue(func(c goja.FunctionCall) goja.Value { return m.decode(d, c) }))
	defineReadOnly(obj, "encoding", rt.ToValue(enc))
	defineReadOnly(obj, "fatal", rt.ToValue(d.fatal))
	defineReadOnly(obj, "ignoreBOM", rt.ToValue(d.ignoreBOM))
	return obj
}

// boolOption reads a boolean option; a missing one is false.
func boolOption(opts *goja.Object, name string) bool {
	v := opts.Get(name)
	return v != nil && v.ToBoolean()
}

// decode is TextDecoder.decode(input?, {stream}?).
func (m *Module) decode(d *decoder, call goja.FunctionCall) goja.Value {
	in, err := m.decodeInput(call.Argument(0))
	if err != nil {
		panic(m.rt.NewGoError(err))
	}
	stream := false
	if o, ok := call.Argument(1).(*goja.Object); ok {
		stream = boolOption(o, "stream")
	}
	s, err := d.decode(in, stream)
	if err != nil {
		panic(m.rt.NewTypeError(err.Error()))
	}
	return m.rt.ToValue(s)
}

// decodeInput returns the bytes decode reads from v. Besides buffers and
// views it takes, as k6 does, a string as its bytes and a plain array of
// numbers as bytes.
func (m *Module) decodeInput(v goja.Value) ([]byte, error) {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, nil
	}
	if b, ok := m.viewBytes(v); ok {
		return b, nil
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		if s, isStr := v.Export().(string); isStr {
			return []byte(s), nil
		}
		return nil, errInvalidData
	}
	if _, isArr := obj.Export().([]any); !isArr {
		return nil, errInvalidData
	}
	var b []byte
	if err := m.rt.ExportTo(obj, &b); err != nil {
		return nil, errInvalidData
	}
	return b, nil
}

// rangeError returns a RangeError with msg.
func (m *Module) rangeError(msg string) *goja.Object {
	e, err := m.rt.New(m.rangeErr, m.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return e
}
