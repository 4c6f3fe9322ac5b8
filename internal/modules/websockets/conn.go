package websockets

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/jsloop"
)

// closeLinger bounds the wait, once the reader has ended, for the bytes
// still waiting to be written (a reply to the server's close frame, say).
const closeLinger = time.Second

// errClosedWhileConnecting is the error event of close() while CONNECTING.
var errClosedWhileConnecting = errors.New("WebSocket was closed before the connection was established")

// errInvalidUTF8 fails a connection whose server sent a text message that
// is not UTF-8 (RFC 6455 section 8.1).
var errInvalidUTF8 = wsconn.ErrInvalidUTF8

// scriptEnded tells whether the iteration ended because of the script (an
// exception or an unhandled rejection) rather than a cancelled run.
func scriptEnded(cause error) bool {
	var ex *goja.Exception
	var rej *jsloop.RejectionError
	return errors.As(cause, &ex) || errors.As(cause, &rej)
}

// dialer builds the gorilla dialer (wsconn.NewDialer): every connection
// is counted for data_sent/data_received and sits on a spillConn so that
// the loop can write without blocking.
func (s *socket) dialer() *websocket.Dialer {
	counter := s.m.vu.ByteCounter()
	return wsconn.NewDialer(wsconn.Config{
		Settings: s.m.vu.Settings,
		From:     s.m.vu.SourceIP(),
		Host:     s.u.Hostname(),
		Wrap: func(c net.Conn) net.Conn {
			sc := newSpillConn(c, counter, s.fail)
			// gorilla does not watch the context while it waits for the
			// handshake response: keep the connection so that close() and
			// the end of the iteration can cut it.
			s.mu.Lock()
			s.dialing = sc
			cut := s.abandoned || s.ctxDone
			s.mu.Unlock()
			if cut {
				_ = sc.Close()
			}
			return sc
		},
		Compression:  s.p.compression,
		Subprotocols: s.p.protocols,
		Jar:          s.p.jar,
	})
}

// header is the handshake's extra request headers.
func (s *socket) header() http.Header {
	h := s.p.header.Clone()
	if h.Get("User-Agent") == "" && s.m.vu.Settings.UserAgent != "" {
		h.Set("User-Agent", s.m.vu.Settings.UserAgent)
	}
	return h
}

// run is the socket's reader goroutine: it dials, reads messages
// until the connection ends, and queues the final task.
func (s *socket) run() {
	start := time.Now()
	conn, resp, err := s.dialer().DialContext(s.dialCtx, s.url, s.header())
	connecting := time.Since(start)
	status := 0
	if resp != nil {
		status = resp.StatusCode
		if resp.Body != nil {
			_ = resp.Body.Close()
		}
	}
	s.mu.Lock()
	sc := s.dialing
	s.dialing = nil
	abandoned, ctxDone := s.abandoned, s.ctxDone
	if err == nil && !abandoned && !ctxDone {
		s.netConn = conn
	}
	s.mu.Unlock()
	if err == nil && (abandoned || ctxDone) {
		_ = conn.Close()
		err = context.Canceled
	}
	var failure error
	if err != nil {
		failure = s.handshakeError(err, resp, abandoned)
	}
	tags := s.systemTags(resp, conn, failure)
	b := s.m.vu.Settings.Builtin
	s.m.vu.Push(b.WSSessions, start, 1, tags)
	s.m.vu.Push(b.WSConnecting, start, float64(connecting)/float64(time.Millisecond), tags)
	if failure != nil {
		s.finish(closeInfo{code: websocket.CloseAbnormalClosure, err: failure, handshake: true, status: status})
		return
	}

	sc.goAsync()
	s.q.push(s.openTask(conn, sc, resp.Header.Values("Sec-WebSocket-Extensions"), tags))
	conn.SetPingHandler(func(data string) error {
		if err := conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(wsconn.ControlWait)); err == nil {
			at := time.Now()
			s.q.push(func() error { return s.control(evPing, at) })
		}
		return nil
	})
	conn.SetPongHandler(func(data string) error {
		at := time.Now()
		s.q.push(func() error { return s.pong(data, at) })
		return nil
	})

	readErr := s.readLoop(conn)
	sc.settle(closeLinger)
	_ = conn.Close()

	s.mu.Lock()
	if s.closeTimer != nil {
		s.closeTimer.Stop()
	}
	failure = s.failure
	s.mu.Unlock()
	end := time.Now()
	s.m.vu.Push(b.WSSessionDuration, end, float64(end.Sub(start))/float64(time.Millisecond), tags)
	s.finish(closeOutcome(readErr, failure))
}

// finish queues the final task and lets go of the context watcher.
func (s *socket) finish(info closeInfo) {
	s.stopAfter()
	s.dialCancel()
	s.q.final(func() error { return s.closed(info) })
}

// closeInfo is how a connection ended, as the close event tells it.
type closeInfo struct {
	code     int
	reason   string
	wasClean bool
	err      error // dispatched as an error event first when not nil
	// handshake marks a failed handshake: the error event carries status,
	// the HTTP status (0 without a response).
	handshake bool
	status    int
}

// closeOutcome classifies the end of an opened connection.
func closeOutcome(readErr, failure error) closeInfo {
	var ce *websocket.CloseError
	if errors.As(readErr, &ce) && ce.Code != websocket.CloseAbnormalClosure {
		info := closeInfo{code: ce.Code, reason: ce.Text, wasClean: true}
		if ce.Code != websocket.CloseNormalClosure && ce.Code != websocket.CloseGoingAway {
			info.err = readErr
		}
		return info
	}
	if failure != nil {
		var tooBig *wsconn.TooBigError
		if errors.As(failure, &tooBig) {
			return closeInfo{code: websocket.CloseMessageTooBig, err: failure}
		}
		return closeInfo{code: websocket.CloseAbnormalClosure, err: failure}
	}
	info := closeInfo{code: websocket.CloseAbnormalClosure, err: readErr}
	if ce != nil {
		info.reason = ce.Text
	}
	return info
}

// handshakeError says why a dial failed, with the HTTP status if any.
func (s *socket) handshakeError(err error, resp *http.Response, abandoned bool) error {
	switch {
	case abandoned:
		return errClosedWhileConnecting
	case errors.Is(err, websocket.ErrBadHandshake) && resp != nil:
		return fmt.Errorf("%w (HTTP %d)", err, resp.StatusCode)
	case errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("websocket: handshake timed out: %w", err)
	}
	return err
}

// readLoop reads messages and queues them until the connection ends. A
// message over the maximum size fails the connection (close 1009) before
// it is held; after each message the reader waits while the VU's backlog
// of unhandled data is over its bound.
func (s *socket) readLoop(conn *websocket.Conn) error {
	limit := s.m.vu.Settings.MaxMessageSize
	conn.SetReadLimit(wsconn.WireLimit(limit))
	mr := wsconn.MessageReader{Limit: limit}
	stop := s.dialCtx.Done()
	for {
		typ, r, err := conn.NextReader()
		var data []byte
		if err == nil {
			data, err = mr.Read(r)
		}
		if err != nil {
			return s.readFailed(conn, err, limit)
		}
		at := time.Now()
		if typ == websocket.TextMessage && !utf8.Valid(data) {
			s.fail(errInvalidUTF8)
			wsconn.RefuseInvalidUTF8(conn)
			return errInvalidUTF8
		}
		// One copy of the data: a string for text (shared by the event
		// record and the JS value; the bytes are never written again),
		// bytes for binary.
		t := task{at: at}
		if typ == websocket.BinaryMessage {
			t.binary, t.data = true, data
		} else {
			t.text = unsafe.String(unsafe.SliceData(data), len(data))
		}
		s.bl.add(&s.held, len(data))
		s.q.pushMessage(t)
		s.bl.wait(stop)
	}
}

// readFailed turns a message over the maximum size into the connection's
// failure, with close 1009 sent to the peer (gorilla sends it itself when
// the frames on the wire are already too long).
func (s *socket) readFailed(conn *websocket.Conn, err error, limit int64) error {
	var tooBig *wsconn.TooBigError
	switch {
	case errors.Is(err, websocket.ErrReadLimit):
		err = &wsconn.TooBigError{Limit: limit}
	case errors.As(err, &tooBig):
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseMessageTooBig, "message too big"),
			time.Now().Add(time.Second))
	default:
		return err
	}
	s.fail(err)
	return err
}

// writeData writes a data message; the loop calls it. It does not block
// (see spillConn).
func writeData(conn *websocket.Conn, msg outgoing) error {
	if msg.binary {
		return conn.WriteMessage(websocket.BinaryMessage, msg.data)
	}
	return writeText(conn, msg.text)
}

// writeText writes a text message from a string, without a []byte copy.
func writeText(conn *websocket.Conn, text string) error {
	w, err := conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, text); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}
