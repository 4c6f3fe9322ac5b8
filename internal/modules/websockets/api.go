package websockets

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/vu"
)

// maxReasonBytes is the longest close reason a script may give.
const maxReasonBytes = 123

// defineWebSocket makes the WebSocket constructor of one import path: the
// readyState constants on it and on its prototype, and the accessors and
// methods on the prototype.
func (m *Module) defineWebSocket(binaryType string) *goja.Object {
	rt := m.rt
	var proto *goja.Object
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		return m.construct(goja.FunctionCall{This: call.This, Arguments: call.Arguments}, proto, binaryType)
	}).(*goja.Object)
	proto = ctor.Get("prototype").(*goja.Object)
	for i, name := range []string{"CONNECTING", "OPEN", "CLOSING", "CLOSED"} {
		// Accessors, so that the portability guard sees a script read them.
		get := rt.ToValue(func(goja.FunctionCall) goja.Value {
			m.vu.Settings.Guard.UseIn(rt, vu.ReadyStateConstants)
			return rt.ToValue(i)
		})
		_ = ctor.DefineAccessorProperty(name, get, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
		_ = proto.DefineAccessorProperty(name, get, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	method := func(name string, f func(s *socket, call goja.FunctionCall) goja.Value) {
		_ = proto.DefineDataProperty(name, rt.ToValue(func(call goja.FunctionCall) goja.Value {
			return f(m.socketOf(call.This), call)
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	getter := func(name string, get func(s *socket) goja.Value, set func(s *socket, v goja.Value)) {
		g := rt.ToValue(func(call goja.FunctionCall) goja.Value { return get(m.socketOf(call.This)) })
		var st goja.Value
		if set != nil {
			st = rt.ToValue(func(call goja.FunctionCall) goja.Value {
				set(m.socketOf(call.This), call.Argument(0))
				return goja.Undefined()
			})
		}
		_ = proto.DefineAccessorProperty(name, g, st, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}

	method("addEventListener", m.addEventListener)
	method("removeEventListener", m.removeEventListener)
	method("send", m.send)
	method("ping", m.ping)
	method("close", m.close)
	getter("url", func(s *socket) goja.Value { return rt.ToValue(s.url) }, nil)
	getter("readyState", func(s *socket) goja.Value { return rt.ToValue(s.state) }, nil)
	getter("bufferedAmount", func(s *socket) goja.Value { return rt.ToValue(s.sent.amount(m.vu.Loop.Turn(), s.spill)) }, nil)
	getter("extensions", func(s *socket) goja.Value {
		out := make([]any, len(s.extensions))
		for i, e := range s.extensions {
			out[i] = e
		}
		return rt.NewArray(out...)
	}, nil)
	getter("protocol", func(s *socket) goja.Value { return rt.ToValue(s.protocol) }, nil)
	getter("binaryType", func(s *socket) goja.Value { return rt.ToValue(s.binaryType) }, m.setBinaryType)
	for kind, name := range eventNames {
		prop := "on" + name
		getter(prop, func(s *socket) goja.Value {
			if h := s.handlers[kind]; h != nil {
				return h
			}
			return goja.Null()
		}, func(s *socket, v goja.Value) {
			if isNullish(v) {
				s.handlers[kind], s.handlerFns[kind] = nil, nil
				return
			}
			fn, ok := goja.AssertFunction(v)
			if !ok {
				m.throw(fmt.Sprintf("a value for '%s' should be callable", prop))
			}
			s.handlers[kind], s.handlerFns[kind] = v, fn
		})
	}
	_ = proto.DefineDataPropertySymbol(goja.SymToStringTag, rt.ToValue("WebSocket"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return ctor
}

func (m *Module) setBinaryType(s *socket, v goja.Value) {
	t := v.String()
	if t != "blob" && t != "arraybuffer" {
		m.throw(fmt.Sprintf(`unknown binaryType %s, the supported ones are "blob" and "arraybuffer"`, t))
	}
	s.binaryType = t
}

func (m *Module) addEventListener(s *socket, call goja.FunctionCall) goja.Value {
	typ := ""
	if a := call.Argument(0); !goja.IsUndefined(a) {
		typ = a.String()
	}
	h := call.Argument(1)
	if isNullish(h) {
		m.throw(fmt.Sprintf("handler for event type %q isn't a callable function", typ))
	}
	fn, ok := goja.AssertFunction(h)
	if !ok {
		panic(m.rt.NewTypeError(fmt.Sprintf("handler for event type %q isn't a callable function", typ)))
	}
	kind := eventKind(typ)
	if kind < 0 {
		m.vu.Logf(vu.LevelWarn, "can't add event handler: unknown event type: %s", typ)
		return goja.Undefined()
	}
	for _, l := range s.listeners[kind] {
		if l.value.StrictEquals(h) {
			return goja.Undefined()
		}
	}
	s.listeners[kind] = append(s.listeners[kind], &listener{value: h, fn: fn})
	return goja.Undefined()
}

func (m *Module) removeEventListener(s *socket, call goja.FunctionCall) goja.Value {
	m.vu.Settings.Guard.UseIn(m.rt, vu.RemoveEventListener)
	kind := eventKind(call.Argument(0).String())
	if kind < 0 {
		return goja.Undefined()
	}
	h := call.Argument(1)
	ls := s.listeners[kind]
	for i, l := range ls {
		if l.value.StrictEquals(h) {
			l.removed = true
			s.listeners[kind] = append(ls[:i:i], ls[i+1:]...)
			break
		}
	}
	return goja.Undefined()
}

func (m *Module) send(s *socket, call goja.FunctionCall) goja.Value {
	if s.state != stateOpen {
		m.throw("InvalidStateError")
	}
	msg := m.payload(call.Argument(0))
	if err := writeData(s.conn, msg); err != nil {
		s.sent.lost(msg.size())
		s.writeFailed(err)
		return goja.Undefined()
	}
	s.sent.wrote(msg.size(), m.vu.Loop.Turn(), s.spill, s.spill.accepted.Load())
	s.push(m.vu.Settings.Builtin.WSMsgsSent, time.Now(), 1, s.sampleTags)
	return goja.Undefined()
}

func (m *Module) ping(s *socket, _ goja.FunctionCall) goja.Value {
	if s.state != stateOpen {
		m.throw("InvalidStateError")
	}
	id := strconv.Itoa(s.pingSeq)
	s.pingSeq++
	if s.pings == nil {
		s.pings = map[string]time.Time{}
	}
	s.pings[id] = time.Now()
	if err := s.conn.WriteControl(websocket.PingMessage, []byte(id), time.Now().Add(wsconn.ControlWait)); err != nil {
		s.writeFailed(err)
	}
	return goja.Undefined()
}

func (m *Module) close(s *socket, call goja.FunctionCall) goja.Value {
	if s.state == stateClosing || s.state == stateClosed {
		return goja.Undefined()
	}
	code := 0
	if a := call.Argument(0); !goja.IsUndefined(a) {
		code = int(a.ToInteger())
	}
	if code != 0 && code != websocket.CloseNormalClosure && (code < 3000 || code > 4999) {
		m.throw(fmt.Sprintf("InvalidAccessError: Failed to execute 'close' on 'WebSocket': "+
			"The close code must be either 1000, or between 3000 and 4999. %d is neither", code))
	}
	reason := ""
	if a := call.Argument(1); !goja.IsUndefined(a) {
		reason = wsconn.ValidUTF8(a.String())
	}
	if len(reason) > maxReasonBytes {
		m.throw("SyntaxError: Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes")
	}
	if code == 0 {
		code = websocket.CloseNormalClosure
	}
	if s.state == stateConnecting {
		s.state = stateClosing
		s.abandon()
		return goja.Undefined()
	}
	s.state = stateClosing
	s.lastCode = code
	err := s.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(wsconn.ControlWait))
	if err != nil {
		s.writeFailed(err)
		return goja.Undefined()
	}
	s.armCloseTimer(s.conn)
	return goja.Undefined()
}

// writeFailed handles a frame the loop could not write: unless the
// connection is already closing (gorilla refuses frames after a close
// frame, and a cut connection refuses everything), it is cut, and the
// close event tells why.
func (s *socket) writeFailed(err error) {
	if errors.Is(err, websocket.ErrCloseSent) || errors.Is(err, net.ErrClosed) {
		return
	}
	s.fail(err)
	_ = s.conn.Close()
}

// abandon gives up a handshake in progress (close() while CONNECTING):
// the dial is cancelled, or a connection that was just made is cut.
func (s *socket) abandon() {
	s.mu.Lock()
	s.abandoned = true
	conn, dialing := s.netConn, s.dialing
	if conn != nil && s.failure == nil {
		s.failure = errClosedWhileConnecting
	}
	s.mu.Unlock()
	s.dialCancel()
	if conn != nil {
		_ = conn.Close()
	}
	if dialing != nil {
		_ = dialing.Close()
	}
}
