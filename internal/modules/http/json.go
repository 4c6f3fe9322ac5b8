package http

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/dop251/goja"
	"github.com/tidwall/gjson"
)

// bodyData is the body a Response's json() reads, and its parsed value.
type bodyData struct {
	raw    []byte
	has    bool
	cached goja.Value
}

// responseProto returns the prototype of the VU's Responses: json(), and
// html(), clickLink() and submitForm() that say they are not supported.
func (m *Module) responseProto() *goja.Object {
	if m.proto != nil {
		return m.proto
	}
	p := m.rt.NewObject()
	notSupported := func(name string) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			m.throwf("Response.%s() is not supported by wstest (it needs k6/html); parse res.body yourself", name)
			return nil
		}
	}
	_ = p.Set("clickLink", notSupported("clickLink"))
	_ = p.Set("html", notSupported("html"))
	_ = p.Set("json", m.json)
	_ = p.Set("submitForm", notSupported("submitForm"))
	m.proto = p
	return p
}

// json is res.json(selector?): the body parsed (and cached), or the GJSON
// selector's match.
func (m *Module) json(c goja.FunctionCall) goja.Value {
	var b *bodyData
	if o, ok := c.This.(*goja.Object); ok {
		if r, ok := o.Export().(*responseObject); ok {
			b = r.body
		}
	}
	if b == nil || !b.has {
		m.throw("the body is null so we can't transform it to JSON - this likely was because of a request error getting the response")
	}
	if sel := c.Argument(0); !goja.IsUndefined(sel) {
		if !gjson.ValidBytes(b.raw) {
			return goja.Undefined()
		}
		r := gjson.GetBytes(b.raw, sel.String())
		if !r.Exists() {
			return goja.Undefined()
		}
		return m.parseJSON([]byte(r.Raw))
	}
	if b.cached == nil {
		if err := jsonSyntax(b.raw); err != nil {
			panic(m.rt.NewGoError(err))
		}
		b.cached = m.parseJSON(b.raw)
	}
	return b.cached
}

// parseJSON parses valid JSON with the runtime's JSON.parse.
func (m *Module) parseJSON(b []byte) goja.Value {
	parse, _ := goja.AssertFunction(m.rt.Get("JSON").ToObject(m.rt).Get("parse"))
	v, err := parse(goja.Undefined(), m.rt.ToValue(string(b)))
	if err != nil {
		panic(err)
	}
	return v
}

// jsonSyntax checks b, with k6's error text and 1-based position.
func jsonSyntax(b []byte) error {
	var v any
	err := json.Unmarshal(b, &v)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	offset := int64(0)
	if errors.As(err, &se) {
		offset = se.Offset
	}
	if offset > int64(len(b)) {
		offset = int64(len(b))
	}
	line := bytes.Count(b[:offset], []byte("\n")) + 1
	char := offset - int64(bytes.LastIndexByte(b[:offset], '\n')) - 1
	return &jsonError{line: line, char: char, err: err}
}

type jsonError struct {
	line int
	char int64
	err  error
}

func (e *jsonError) Error() string {
	return "cannot parse json due to an error at line " + itoa(int64(e.line)) + ", character " + itoa(e.char) + " , error: " + e.err.Error()
}

func itoa(n int64) string { return string(appendInt(nil, n)) }

func appendInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}
