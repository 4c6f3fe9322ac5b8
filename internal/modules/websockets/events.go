package websockets

import (
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// Event kinds, in the order of the on* properties.
const (
	evOpen = iota
	evMessage
	evError
	evClose
	evPing
	evPong
	eventKinds
)

var eventNames = [eventKinds]string{"open", "message", "error", "close", "ping", "pong"}

// eventKind returns the kind of a type name, or -1.
func eventKind(name string) int {
	for i, n := range eventNames {
		if n == name {
			return i
		}
	}
	return -1
}

// listener is one addEventListener registration.
type listener struct {
	value   goja.Value
	fn      goja.Callable
	removed bool
}

// live reports whether the socket may still talk to the script.
func (s *socket) live() bool { return s.ctx.Err() == nil && !s.finished }

// record reports an event to the run's result.
func (s *socket) record(e vu.Event) {
	e.VU, e.Iteration, e.Socket, e.URL, e.API = s.m.vu.ID, s.iter, s.id, s.url, "websockets"
	s.m.vu.Reporter.Event(e)
}

// dispatch calls the on* handler, then the listeners in order, with this
// set to the socket. The first exception stops the dispatch.
func (s *socket) dispatch(kind int, ev *goja.Object) error {
	if fn := s.handlerFns[kind]; fn != nil {
		if err := s.call(fn, ev); err != nil {
			return err
		}
	}
	ls := s.listeners[kind]
	switch len(ls) {
	case 0:
		return nil
	case 1:
		return s.call(ls[0].fn, ev)
	}
	for _, l := range append([]*listener(nil), ls...) {
		if l.removed {
			continue
		}
		if err := s.call(l.fn, ev); err != nil {
			return err
		}
	}
	return nil
}

// call calls one listener with ev. The argument slice is the module's,
// which saves an allocation per call: a JS listener gets copies of its
// arguments on goja's stack, and native functions (console.log, a
// promise's resolve, bound functions) read theirs during the call. It is
// set before each call, so a nested dispatch cannot leave it wrong.
func (s *socket) call(fn goja.Callable, ev *goja.Object) error {
	args := s.m.eventArgs[:]
	args[0] = ev
	_, err := fn(s.obj, args...)
	args[0] = nil
	return err
}

// openTask makes the socket OPEN and dispatches open.
func (s *socket) openTask(conn *websocket.Conn, sc *spillConn, extensions []string, tags *metrics.TagSet) func() error {
	return func() error {
		s.sampleTags = tags
		if !s.live() || s.state != stateConnecting {
			return nil
		}
		s.state = stateOpen
		s.conn, s.spill = conn, sc
		s.protocol = conn.Subprotocol()
		if extensions != nil {
			s.extensions = extensions
		}
		at := time.Now()
		s.record(vu.Event{Type: "open", Time: at})
		ev, _ := s.newEvent(evOpen, at)
		if err := s.dispatch(evOpen, ev); err != nil {
			return s.listenerFailed(err)
		}
		return nil
	}
}

// message dispatches one data message while OPEN.
func (s *socket) message(t *task) error {
	binary, data, at := t.binary, t.data, t.at
	s.bl.take(&s.held, len(data)+len(t.text))
	if !s.live() || s.state != stateOpen {
		return nil
	}
	s.push(s.m.vu.Settings.Builtin.WSMsgsReceived, at, 1, s.sampleTags)
	text := t.text
	if binary {
		text = string(data)
	}
	s.record(vu.Event{Type: "message", Time: at, Data: text, Binary: binary})
	ev, e := s.newEvent(evMessage, at)
	rt := s.m.rt
	switch {
	case !binary:
		e.text = t.text
	case s.binaryType == "blob":
		e.data = s.m.receivedBlob(data)
	default:
		if s.binaryType == "" && !s.warnedBlob {
			s.warnedBlob = true
			s.m.vu.Logf(vu.LevelWarn, "WebSocket binaryType is not set: binary messages of %s are delivered as ArrayBuffer; "+
				"set binaryType to \"arraybuffer\" or \"blob\"", s.url)
		}
		e.data = rt.ToValue(rt.NewArrayBuffer(data))
	}
	if err := s.dispatch(evMessage, ev); err != nil {
		return s.listenerFailed(err)
	}
	return nil
}

// control dispatches ping (a server ping we answered).
func (s *socket) control(kind int, at time.Time) error {
	if !s.live() {
		return nil
	}
	s.record(vu.Event{Type: eventNames[kind], Time: at})
	ev, _ := s.newEvent(kind, at)
	return s.dispatch(kind, ev)
}

// pong measures ws_ping for our own pings and dispatches pong.
func (s *socket) pong(data string, at time.Time) error {
	if !s.live() {
		return nil
	}
	if sent, ok := s.pings[data]; ok {
		delete(s.pings, data)
		s.m.vu.Push(s.m.vu.Settings.Builtin.WSPing, at, float64(at.Sub(sent))/float64(time.Millisecond), s.sampleTags)
	} else {
		s.m.vu.Logf(vu.LevelWarn, "received pong for unknown ping ID %s", data)
	}
	return s.control(evPong, at)
}

// listenerFailed handles an exception thrown by an open or message
// listener: the connection is cut at once, error and close (1006) are
// dispatched, and the exception ends the iteration.
func (s *socket) listenerFailed(err error) error {
	s.mu.Lock()
	conn := s.netConn
	if s.failure == nil {
		s.failure = err
	}
	s.mu.Unlock()
	if conn != nil {
		_ = conn.Close()
	}
	_ = s.closed(closeInfo{code: 1006, err: err})
	return err
}

// closed makes the socket CLOSED and dispatches error (if any) and close,
// once.
func (s *socket) closed(info closeInfo) error {
	s.mu.Lock()
	abandoned := s.abandoned
	s.mu.Unlock()
	if info.handshake && abandoned {
		// The script called close() before it could see how the handshake
		// ended: whatever the network did, its own close is the reason.
		info.err, info.status = errClosedWhileConnecting, 0
	}
	s.state = stateClosed
	s.bl.drop(&s.held)
	if !s.live() {
		s.finished = true
		return nil
	}
	s.finished = true
	if info.err != nil {
		at := time.Now()
		text := errorText(info.err)
		s.record(vu.Event{Type: "error", Time: at, Error: text, Status: info.status})
		ev, e := s.newEvent(evError, at)
		e.text, e.handshake, e.status = text, info.handshake, int32(info.status)
		if err := s.dispatch(evError, ev); err != nil {
			return err
		}
	}
	at := time.Now()
	s.record(vu.Event{Type: "close", Time: at, Code: info.code, Reason: info.reason, WasClean: info.wasClean})
	ev, e := s.newEvent(evClose, at)
	e.code, e.text, e.wasClean = int32(info.code), info.reason, info.wasClean
	return s.dispatch(evClose, ev)
}

// errorText is the error event's text: a JS exception's own text, or the
// Go error's.
func errorText(err error) string {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Error()
	}
	return err.Error()
}
