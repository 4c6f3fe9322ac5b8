package ws

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/modules/wsconn"
)

// jsSend writes one text frame from its argument as a string (null and a
// missing argument send ""). A failed write goes to the error handlers;
// ws_msgs_sent counts it anyway.
func (s *socket) jsSend(call goja.FunctionCall) goja.Value {
	text := ""
	if a := call.Argument(0); !isNullish(a) {
		text = wsconn.ValidUTF8(a.String())
	}
	if err := s.conn.WriteMessage(websocket.TextMessage, []byte(text)); err != nil {
		s.reportError(err)
	}
	s.countSent()
	return goja.Undefined()
}

// jsSendBinary writes the whole of an ArrayBuffer as one binary frame and
// throws for anything else.
func (s *socket) jsSendBinary(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) == 0 {
		s.m.throw("missing argument, expected ArrayBuffer")
	}
	a := call.Arguments[0]
	ab, ok := a.Export().(goja.ArrayBuffer)
	if !ok {
		s.m.throw("expected ArrayBuffer as argument, received: " + s.typeName(a))
	}
	if err := s.conn.WriteMessage(websocket.BinaryMessage, ab.Bytes()); err != nil {
		s.reportError(err)
	}
	s.countSent()
	return goja.Undefined()
}

// typeName names a value as sendBinary's error does: undefined, null, or
// its constructor's name ("Object" when it has none).
func (s *socket) typeName(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if ctor, ok := v.ToObject(s.m.rt).Get("constructor").(*goja.Object); ok {
		if name := ctor.Get("name"); name != nil && goja.IsString(name) && name.String() != "" {
			return name.String()
		}
	}
	return "Object"
}

func (s *socket) countSent() {
	s.m.vu.Push(s.m.vu.Settings.Builtin.WSMsgsSent, time.Now(), 1, s.tags)
}

// jsPing writes a ping whose payload is the socket's ping counter; the
// matching pong gives ws_ping.
func (s *socket) jsPing(goja.FunctionCall) goja.Value {
	payload := strconv.Itoa(s.pingSeq)
	if err := s.conn.WriteControl(websocket.PingMessage, []byte(payload), time.Now().Add(wsconn.ControlWait)); err != nil {
		s.reportError(err)
		return goja.Undefined()
	}
	s.pingSeq++
	s.pings[payload] = time.Now()
	return goja.Undefined()
}

// jsClose closes the socket with code (ToInteger, default 1001, not
// validated) and runs the close handlers before it returns; an exception
// in one of them is thrown from close(). Later calls do nothing.
func (s *socket) jsClose(call goja.FunctionCall) goja.Value {
	code := int64(websocket.CloseGoingAway)
	if a := call.Argument(0); !goja.IsUndefined(a) {
		code = a.ToInteger()
	}
	if err := s.closeWith(code, true); err != nil {
		panic(err)
	}
	return goja.Undefined()
}

// timerFunc makes setTimeout or setInterval: fn must be a function (a
// TypeError otherwise, where k6 crashes later) and ms must be > 0 once
// converted to nanoseconds.
func (s *socket) timerFunc(name string, repeat bool) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		rt := s.m.rt
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(rt.NewTypeError(fmt.Sprintf("could not convert function call parameter 0: could not convert %s to sobek.Callable",
				describe(call.Argument(0)))))
		}
		delay := 0.0
		if a := call.Argument(1); !goja.IsUndefined(a) {
			delay = a.ToFloat()
		}
		d := time.Duration(delay * float64(time.Millisecond))
		if math.IsNaN(delay) || math.IsInf(delay, 0) || d <= 0 {
			s.m.throw(fmt.Sprintf("%s requires a >0 timeout parameter, received %.2f", name, delay))
		}
		s.timers.add(fn, d, repeat)
		return goja.Undefined()
	}
}

// describe renders a value for an error text without calling into JS.
func describe(v goja.Value) string {
	if isNullish(v) {
		return v.String()
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	if _, ok := v.(*goja.Object); ok {
		return "object"
	}
	return v.String()
}
