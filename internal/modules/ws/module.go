package ws

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is the k6/ws module of one VU. Use it on the VU's loop goroutine
// only.
type Module struct {
	vu      *vu.VU
	rt      *goja.Runtime
	exports *goja.Object
}

// New makes the module for v (called once per VU, lazily).
func New(v *vu.VU) *Module {
	return &Module{vu: v, rt: v.Runtime}
}

// Exports returns the module's exports, an object whose only key is
// connect. Every import gives the same object.
func (m *Module) Exports(string) *goja.Object {
	if m.exports == nil {
		m.exports = m.rt.NewObject()
		_ = m.exports.Set("connect", m.connect)
	}
	return m.exports
}

// connect is ws.connect(url, [params], callback): it validates the call in
// k6's order and runs the session.
func (m *Module) connect(call goja.FunctionCall) goja.Value {
	if m.vu.InInit() {
		m.throw("using websockets in the init context is not supported")
	}
	url := call.Argument(0).String()
	var rest []goja.Value
	if len(call.Arguments) > 1 {
		rest = call.Arguments[1:]
	}
	var paramsV, cbV goja.Value
	switch len(rest) {
	case 1:
		cbV = rest[0]
	case 2:
		paramsV, cbV = rest[0], rest[1]
	default:
		m.throw("invalid number of arguments to ws.connect")
	}
	cb, ok := goja.AssertFunction(cbV)
	if !ok {
		m.throw("last argument to ws.connect must be a function")
	}
	p := m.parseParams(paramsV)
	return m.session(url, p, cb)
}

// throw throws a GoError with the text msg.
func (m *Module) throw(msg string) {
	panic(m.rt.NewGoError(plainError(msg)))
}

// plainError is an error with a fixed text.
type plainError string

func (e plainError) Error() string { return string(e) }
