// Package encoding implements the "k6/encoding" module: b64encode and
// b64decode with k6's four base64 variants.
package encoding

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is the k6/encoding module of one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns b64encode and b64decode; a default import gives the same
// object.
func (m *Module) Exports(string) *goja.Object {
	obj := m.vu.Runtime.NewObject()
	_ = obj.Set("b64encode", m.b64encode)
	_ = obj.Set("b64decode", m.b64decode)
	return obj
}

// Variant returns the base64 encoding k6 names by name: std, rawstd, url or
// rawurl, matched exactly. Any other name, "" included, is std, as in k6.
func Variant(name string) *base64.Encoding {
	switch name {
	case "rawstd":
		return base64.RawStdEncoding
	case "url":
		return base64.URLEncoding
	case "rawurl":
		return base64.RawURLEncoding
	default:
		return base64.StdEncoding
	}
}

// Bytes converts a JS value by k6's byte-input rule: a string is its UTF-8
// bytes, an ArrayBuffer and a Uint8Array (its view) are used as they are;
// anything else is an error that names the Go type it exports to. The
// returned slice may alias the JS buffer: use it before returning to JS.
func Bytes(v goja.Value) ([]byte, error) {
	var e any
	if v != nil {
		e = v.Export()
	}
	switch x := e.(type) {
	case string:
		return []byte(x), nil
	case []byte:
		return x, nil
	case goja.ArrayBuffer:
		return x.Bytes(), nil
	default:
		return nil, fmt.Errorf("invalid type %T, expected string, []byte or ArrayBuffer", e)
	}
}

func (m *Module) b64encode(input goja.Value, enc string) string {
	b, err := Bytes(input)
	if err != nil {
		panic(m.vu.Runtime.NewGoError(err))
	}
	return Variant(enc).EncodeToString(b)
}

func (m *Module) b64decode(input string, enc, format string) goja.Value {
	rt := m.vu.Runtime
	// Go's decoder skips CR and LF, as k6's does.
	b, err := Variant(enc).DecodeString(input)
	if err != nil {
		panic(rt.NewGoError(err))
	}
	if format == "s" {
		return rt.ToValue(ValidUTF8(b))
	}
	return rt.ToValue(rt.NewArrayBuffer(b))
}

// ValidUTF8 returns b as a string with each byte that is not part of a valid
// UTF-8 sequence replaced by U+FFFD, one replacement per byte.
func ValidUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(utf8.RuneError)
			b = b[1:]
			continue
		}
		sb.Write(b[:size])
		b = b[size:]
	}
	return sb.String()
}
