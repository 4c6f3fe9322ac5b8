package http

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/dop251/goja"
	"github.com/tidwall/gjson"
)

// jsonMethod is res.json(selector?): the body parsed (and cached), or the
// GJSON selector's match.
func (m *Module) jsonMethod(body []byte, hasBody bool) func(goja.FunctionCall) goja.Value {
	var cached goja.Value
	return func(c goja.FunctionCall) goja.Value {
		if !hasBody {
			m.throw("the body is null so we can't transform it to JSON - this likely was because of a request error getting the response")
		}
		if sel := c.Argument(0); !goja.IsUndefined(sel) {
			if !gjson.ValidBytes(body) {
				return goja.Undefined()
			}
			r := gjson.GetBytes(body, sel.String())
			if !r.Exists() {
				return goja.Undefined()
			}
			return m.parseJSON([]byte(r.Raw))
		}
		if cached == nil {
			if err := jsonSyntax(body); err != nil {
				panic(m.rt.NewGoError(err))
			}
			cached = m.parseJSON(body)
		}
		return cached
	}
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
