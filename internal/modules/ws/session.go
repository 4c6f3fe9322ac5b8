package ws

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/vu"
)

// maxBody bounds the handshake answer's body kept for the Response.
const maxBody = 64 << 10

// session dials rawURL and, once connected, runs the callback, the open
// handlers and the socket's loop until the socket closes. It returns the
// Response object, or throws the dial error when the throw option is set.
func (m *Module) session(rawURL string, p params, cb goja.Callable) goja.Value {
	ctx := m.vu.Context()
	base := m.vu.Tags()
	for k, v := range p.tags {
		base = base.With(k, v)
	}
	start := time.Now()
	conn, resp, err := m.dial(ctx, rawURL, p)
	connecting := time.Since(start)
	tags := m.systemTags(base, rawURL, resp, conn)
	b := m.vu.Settings.Builtin
	m.vu.Push(b.WSSessions, start, 1, tags)
	m.vu.Push(b.WSConnecting, start, ms(connecting), tags)

	if dl, ok := ctx.Deadline(); ok && err != nil && !time.Now().Before(dl) {
		// gorilla's deadline is ctx's: the dial failed at the hard stop,
		// and ctx says so a moment later.
		<-ctx.Done()
	}
	if err != nil && ctx.Err() != nil {
		m.interrupt(ctx)
		return goja.Undefined()
	}
	if err != nil {
		return m.failed(rawURL, start, tags, resp, err)
	}
	s := newSocket(m, conn, rawURL, tags)
	// Also when an exception leaves connect; a hard stop pushes nothing.
	defer func() { m.vu.Push(b.WSSessionDuration, start, ms(time.Since(start)), tags) }()
	s.run(cb)
	return m.response(rawURL, resp.StatusCode, resp.Header, "", "")
}

// dial makes the connection; a cancelled context cuts a pending handshake.
func (m *Module) dial(ctx context.Context, rawURL string, p params) (*websocket.Conn, *http.Response, error) {
	host := ""
	if u, err := url.Parse(rawURL); err == nil {
		host = u.Hostname()
	}
	jar := p.jar
	if jar == nil {
		jar = m.vu.CookieJar()
	}
	counter := m.vu.ByteCounter()
	var stop func() bool
	d := wsconn.NewDialer(wsconn.Config{
		Settings: m.vu.Settings,
		From:     m.vu.SourceIP(),
		Host:     host,
		Wrap: func(c net.Conn) net.Conn {
			// gorilla does not watch ctx while it waits for the answer:
			// a hard stop cuts the connection instead.
			stop = context.AfterFunc(ctx, func() { _ = c.Close() })
			return &metrics.CountingConn{Conn: c, Counter: counter}
		},
		Compression: p.compression,
		Jar:         jar,
	})
	header := p.header.Clone()
	if _, ok := header["User-Agent"]; !ok {
		// An empty userAgent option sends no User-Agent at all.
		header["User-Agent"] = []string{m.vu.Settings.UserAgent}
	}
	conn, resp, err := d.DialContext(ctx, rawURL, header)
	if stop != nil {
		stop()
	}
	return conn, resp, err
}

// failed ends a session whose dial failed: ws_session_duration, an error
// event, then the thrown error or a Response that says why.
func (m *Module) failed(rawURL string, start time.Time, tags *metrics.TagSet, resp *http.Response, err error) goja.Value {
	m.vu.Push(m.vu.Settings.Builtin.WSSessionDuration, start, ms(time.Since(start)), tags)
	status, body, header, resURL := 0, "", http.Header{}, ""
	if resp != nil {
		status, header = resp.StatusCode, resp.Header
		if resp.Body != nil {
			data, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
			_ = resp.Body.Close()
			body = string(data)
		}
		if errors.Is(err, websocket.ErrBadHandshake) {
			err = fmt.Errorf("%w (HTTP %d)", err, status)
			resURL = rawURL
		}
	}
	m.record(vu.Event{Type: "error", Time: time.Now(), Error: err.Error(), Status: status}, m.vu.Exec.NextSocketID(), rawURL)
	if m.vu.Settings.Throw {
		m.throw(err.Error())
	}
	return m.response(resURL, status, header, body, err.Error())
}

// record reports an event of socket id to the run's result.
func (m *Module) record(e vu.Event, id int64, rawURL string) {
	e.VU, e.Socket, e.URL, e.API = m.vu.ID, id, rawURL, "ws"
	if it := m.vu.Iteration(); it != nil {
		e.Iteration = it.Number
	}
	m.vu.Reporter.Event(e)
}

// interrupt stops the runtime at once when ctx ended. The VU's loop
// interrupts it too, but from another goroutine: without this, JS after
// connect could run meanwhile.
func (m *Module) interrupt(ctx context.Context) {
	m.rt.Interrupt(fmt.Errorf("ws: run interrupted: %w", context.Cause(ctx)))
}

// ms converts a duration to float milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
