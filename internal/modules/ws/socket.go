package ws

import (
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/vu"
)

// frameBuffer is how many read frames may wait for the loop: enough to
// spare the reader a handoff per message, small enough to keep memory
// bounded (the reader stops reading when it is full, and TCP slows the
// server down).
const frameBuffer = 16

// socket is one k6/ws connection. Its fields are the loop goroutine's,
// except frames, quit and readerDone, which link it to the reader.
type socket struct {
	m    *Module
	conn *websocket.Conn
	id   int64
	url  string
	tags *metrics.TagSet
	obj  *goja.Object

	handlers map[string][]goja.Callable
	timers   timers
	pings    map[string]time.Time // payload of our pings -> when sent
	pingSeq  int
	closed   bool // closed by the script, the peer or an exception

	frames     chan frame
	quit       chan struct{} // closed when the loop stops listening
	readerDone chan struct{} // closed when the reader has returned
}

// newSocket wraps an open connection and starts its reader.
func newSocket(m *Module, conn *websocket.Conn, rawURL string, tags *metrics.TagSet) *socket {
	s := &socket{
		m: m, conn: conn, id: m.vu.Exec.NextSocketID(), url: rawURL, tags: tags,
		handlers:   map[string][]goja.Callable{},
		pings:      map[string]time.Time{},
		frames:     make(chan frame, frameBuffer),
		quit:       make(chan struct{}),
		readerDone: make(chan struct{}),
	}
	s.timers.scale = m.vu.Settings.TimeScale
	s.obj = s.object()
	go s.read()
	return s
}

// object builds the socket's JS object: close, on, ping, send,
// sendBinary, setInterval and setTimeout, each returning undefined.
func (s *socket) object() *goja.Object {
	rt := s.m.rt
	o := rt.NewObject()
	_ = o.Set("close", s.jsClose)
	_ = o.Set("on", s.jsOn)
	_ = o.Set("ping", s.jsPing)
	_ = o.Set("send", s.jsSend)
	_ = o.Set("sendBinary", s.jsSendBinary)
	_ = o.Set("setInterval", s.timerFunc("setInterval", true))
	_ = o.Set("setTimeout", s.timerFunc("setTimeout", false))
	return o
}

// jsOn appends a handler; non-function handlers are ignored.
func (s *socket) jsOn(call goja.FunctionCall) goja.Value {
	name := call.Argument(0).String()
	if fn, ok := goja.AssertFunction(call.Argument(1)); ok {
		s.handlers[name] = append(s.handlers[name], fn)
	}
	return goja.Undefined()
}

// dispatch calls the handlers of an event in order with this undefined;
// the first exception stops it.
func (s *socket) dispatch(name string, args ...goja.Value) error {
	for _, fn := range s.handlers[name] {
		if _, err := fn(goja.Undefined(), args...); err != nil {
			return err
		}
	}
	return nil
}

// record reports an event of this socket.
func (s *socket) record(e vu.Event) {
	s.m.record(e, s.id, s.url)
}

// reportError records an error event and runs the error handlers; an
// exception in one of them is thrown from the calling JS function.
func (s *socket) reportError(err error) {
	if err := s.dispatchError(err); err != nil {
		panic(err)
	}
}

// dispatchError records an error event and runs the error handlers.
func (s *socket) dispatchError(err error) error {
	s.record(vu.Event{Type: "error", Time: time.Now(), Error: err.Error()})
	return s.dispatch("error", s.errorValue(err))
}

// closeWith marks the socket closed, writes a close frame with code
// (reporting a failed write) and runs the close handlers; the loop then
// stops and shutdown ends the connection. Only the first call does
// anything.
func (s *socket) closeWith(code int64, writeFrame bool) error {
	if s.closed {
		return nil
	}
	s.closed = true
	if writeFrame {
		if err := s.writeClose(code); err != nil {
			if err := s.dispatchError(err); err != nil {
				return err
			}
		}
	}
	s.record(vu.Event{Type: "close", Time: time.Now(), Code: int(code)})
	return s.dispatch("close", s.m.rt.ToValue(code))
}

// writeClose writes a close frame whose code is the low 16 bits of code
// and which carries no reason (1005: an empty payload).
func (s *socket) writeClose(code int64) error {
	msg := websocket.FormatCloseMessage(int(uint16(code)), "")
	return s.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(wsconn.ControlWait))
}
