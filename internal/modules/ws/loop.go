package ws

import (
	"errors"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/vu"
)

// Frame kinds the reader hands to the loop.
const (
	frameText = iota
	frameBinary
	framePing
	framePong
	frameEnd // the connection ended; err says how
)

// closeLinger bounds the wait for the peer's close reply once the socket
// is closed.
const closeLinger = time.Second

// frame is what the reader read, handed to the loop goroutine.
type frame struct {
	kind int
	data []byte
	err  error
	at   time.Time
}

// read is the reader goroutine: it answers pings (before the loop runs
// the ping handlers) and hands every frame to the loop until the
// connection ends.
func (s *socket) read() {
	defer close(s.readerDone)
	s.conn.SetPingHandler(func(data string) error {
		_ = s.conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(wsconn.ControlWait))
		s.deliver(frame{kind: framePing, at: time.Now()})
		return nil
	})
	s.conn.SetPongHandler(func(data string) error {
		s.deliver(frame{kind: framePong, data: []byte(data), at: time.Now()})
		return nil
	})
	limit := s.m.vu.Settings.MaxMessageSize
	s.conn.SetReadLimit(wsconn.WireLimit(limit))
	mr := wsconn.MessageReader{Limit: limit}
	for {
		typ, r, err := s.conn.NextReader()
		var data []byte
		if err == nil {
			data, err = mr.Read(r)
		}
		if err != nil {
			s.deliver(frame{kind: frameEnd, err: tooBig(s.conn, err, limit), at: time.Now()})
			return
		}
		kind := frameText
		if typ == websocket.BinaryMessage {
			kind = frameBinary
		} else if !utf8.Valid(data) {
			wsconn.RefuseInvalidUTF8(s.conn)
			s.deliver(frame{kind: frameEnd, err: wsconn.ErrInvalidUTF8, at: time.Now()})
			return
		}
		// Once the loop stopped listening the frame is dropped, and the
		// reader drains the connection until it ends (see shutdown).
		s.deliver(frame{kind: kind, data: data, at: time.Now()})
	}
}

// tooBig returns err, or a *wsconn.TooBigError for a message over the
// maximum size, after sending close 1009 (gorilla sends it itself when
// the frames on the wire are already too long).
func tooBig(conn *websocket.Conn, err error, limit int64) error {
	var tb *wsconn.TooBigError
	switch {
	case errors.Is(err, websocket.ErrReadLimit):
		return &wsconn.TooBigError{Limit: limit}
	case errors.As(err, &tb):
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseMessageTooBig, "message too big"), time.Now().Add(time.Second))
	}
	return err
}

// deliver hands f to the loop; false once the loop stopped listening.
func (s *socket) deliver(f frame) bool {
	select {
	case s.frames <- f:
		return true
	case <-s.quit:
		return false
	}
}

// run is the session once connected: the callback, the open handlers,
// then the loop until the socket closes. An exception anywhere closes the
// socket with 1001, runs the close handlers and is rethrown; a cancelled
// context sends 1001, cuts the connection and runs no JS.
func (s *socket) run(cb goja.Callable) {
	defer s.shutdown()
	ctx := s.m.vu.Context()
	if _, err := cb(goja.Undefined(), s.obj); err != nil {
		s.fail(err)
	}
	s.record(vu.Event{Type: "open", Time: time.Now()})
	if err := s.dispatch("open"); err != nil {
		s.fail(err)
	}
	wake := time.NewTimer(time.Hour)
	defer wake.Stop()
	for !s.closed {
		var due <-chan time.Time
		if d, ok := s.timers.next(); ok {
			wake.Reset(d)
			due = wake.C
		}
		var err error
		select {
		case f := <-s.frames:
			err = s.handle(f)
		case <-due:
			err = s.fireTimers()
		case <-ctx.Done():
			s.hardStop()
			s.m.interrupt(ctx)
			return
		}
		if err != nil {
			s.fail(err)
		}
	}
}

// fail handles an exception: unless the run is being stopped (an interrupt,
// exec.test.abort), the socket closes with 1001 and its close handlers run;
// then the exception is rethrown from connect.
func (s *socket) fail(err error) {
	var interrupted *goja.InterruptedError
	if errors.As(err, &interrupted) || s.m.vu.Context().Err() != nil {
		s.hardStop()
	} else {
		_ = s.closeWith(websocket.CloseGoingAway, true)
	}
	panic(err)
}

// hardStop sends 1001 without running any JS; shutdown then cuts the
// connection.
func (s *socket) hardStop() {
	if !s.closed {
		s.closed = true
		_ = s.writeClose(websocket.CloseGoingAway)
	}
}

// shutdown ends the connection and waits for the reader to return. The
// reader first drains what the peer still sends, until its close reply or
// closeLinger: closing a TCP connection with unread data resets it, and
// the peer could then lose our close frame.
func (s *socket) shutdown() {
	close(s.quit)
	_ = s.conn.SetReadDeadline(time.Now().Add(closeLinger))
	<-s.readerDone
	_ = s.conn.Close()
}

// fireTimers runs the due timers in (due, creation) order.
func (s *socket) fireTimers() error {
	now := time.Now()
	for !s.closed {
		tm := s.timers.pop(now)
		if tm == nil {
			return nil
		}
		if _, err := tm.fn(goja.Undefined()); err != nil {
			return err
		}
		if tm.period > 0 {
			s.timers.rearm(tm)
		}
	}
	return nil
}

// handle runs the handlers of one frame.
func (s *socket) handle(f frame) error {
	b := s.m.vu.Settings.Builtin
	switch f.kind {
	case frameText, frameBinary:
		s.m.vu.Push(b.WSMsgsReceived, f.at, 1, s.tags)
		binary := f.kind == frameBinary
		s.record(vu.Event{Type: "message", Time: f.at, Data: string(f.data), Binary: binary})
		if binary {
			return s.dispatch("binaryMessage", s.m.rt.ToValue(s.m.rt.NewArrayBuffer(f.data)))
		}
		return s.dispatch("message", s.m.rt.ToValue(string(f.data)))
	case framePing:
		s.record(vu.Event{Type: "ping", Time: f.at})
		return s.dispatch("ping")
	case framePong:
		if sent, ok := s.pings[string(f.data)]; ok {
			delete(s.pings, string(f.data))
			s.m.vu.Push(b.WSPing, f.at, ms(f.at.Sub(sent)), s.tags)
		}
		s.record(vu.Event{Type: "pong", Time: f.at, Data: string(f.data)})
		return s.dispatch("pong")
	}
	return s.peerClosed(f.err)
}

// peerClosed ends a connection the peer closed or broke. A close frame
// with 1000 or 1001 fires close; another code fires error (a close-error
// object) then close with it; any other read error (reset, protocol
// violation) sends 1001 and fires close with 1001.
func (s *socket) peerClosed(readErr error) error {
	var tb *wsconn.TooBigError
	if errors.As(readErr, &tb) {
		// Close 1009 is sent: error, then close with it.
		if err := s.dispatchError(readErr); err != nil {
			s.closed = true
			return err
		}
		return s.closeWith(websocket.CloseMessageTooBig, false)
	}
	if errors.Is(readErr, wsconn.ErrInvalidUTF8) {
		// Close 1007 is sent: error, then close with 1006 (DECISIONS 14).
		if err := s.dispatchError(readErr); err != nil {
			s.closed = true
			return err
		}
		return s.closeWith(websocket.CloseAbnormalClosure, false)
	}
	var ce *websocket.CloseError
	if !errors.As(readErr, &ce) {
		return s.closeWith(websocket.CloseGoingAway, true)
	}
	code := int64(ce.Code)
	if code != websocket.CloseNormalClosure && code != websocket.CloseGoingAway {
		if code == websocket.CloseAbnormalClosure {
			_ = s.writeClose(code)
		}
		if err := s.dispatchError(readErr); err != nil {
			s.closed = true
			return err
		}
	}
	return s.closeWith(code, false)
}
