package websockets

import (
	"context"
	"net/url"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
)

// socket is one WebSocket. The fields in the first block belong to the loop
// goroutine; the network fields are guarded by mu.
type socket struct {
	m          *Module
	obj        *goja.Object
	id         int64
	iter       int64
	inIter     bool // made during an iteration: samples after its end are dropped
	url        string
	urlValue   goja.Value
	u          *url.URL
	p          params
	tags       *metrics.TagSet // construction snapshot plus custom tags
	q          *taskQueue
	bl         *backlog        // the VU's received data not yet dispatched
	held       held            // this socket's share of bl, guarded by bl
	ctx        context.Context // the iteration's context (the loop's)
	dialCtx    context.Context
	dialCancel context.CancelFunc
	stopAfter  func() bool // stops the context.AfterFunc

	// loop goroutine only
	state      int
	conn       *websocket.Conn // set when OPEN: the loop writes on it
	spill      *spillConn      // under conn
	sent       sentBytes       // for bufferedAmount
	protocol   string
	extensions []string
	binaryType string
	handlers   [eventKinds]goja.Value // on* handlers, nil when unset
	handlerFns [eventKinds]goja.Callable
	listeners  [eventKinds][]*listener
	warnedBlob bool
	pingSeq    int
	pings      map[string]time.Time
	finished   bool // the close event was dispatched (or must not be)
	lastCode   int  // code of a close() the script started
	sampleTags *metrics.TagSet

	mu         sync.Mutex      // guards the fields below
	netConn    *websocket.Conn // conn, for the goroutines that cut it
	dialing    *spillConn      // the connection while the handshake runs
	abandoned  bool            // close() while CONNECTING
	ctxDone    bool            // the iteration's context ended
	failure    error           // why we cut the connection ourselves
	closeTimer *time.Timer
}

// construct is the body of `new WebSocket(url, protocols, params)`.
func (m *Module) construct(call goja.FunctionCall, proto *goja.Object, binaryType string) *goja.Object {
	if m.vu.InInit() {
		m.throw("WebSocket can't be created in the init context")
	}
	u := m.parseURL(call.Argument(0))
	p := m.parseParams(call.Argument(2))
	p.protocols = m.parseProtocols(call.Argument(1))

	v := m.vu
	s := &socket{
		m:          m,
		id:         v.Exec.NextSocketID(),
		url:        u.String(),
		urlValue:   m.rt.ToValue(u.String()),
		u:          u,
		p:          p,
		binaryType: binaryType,
		ctx:        v.Loop.Context(),
		extensions: []string{},
	}
	if it := v.Iteration(); it != nil {
		s.iter, s.inIter = it.Number, true
	}
	tags := v.Tags()
	for k, val := range p.tags {
		tags = tags.With(k, val)
	}
	s.tags = tags
	if p.jar == nil {
		p.jar = v.CookieJar()
		s.p.jar = p.jar
	}
	s.obj = m.rt.CreateObject(proto)
	_ = s.obj.DefineDataPropertySymbol(m.sockKey, m.rt.ToValue(s), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)

	s.bl = m.backlogFor(s.ctx)
	s.q = newTaskQueue(v.Loop, s.message)
	s.dialCtx, s.dialCancel = context.WithCancel(s.ctx)
	s.stopAfter = context.AfterFunc(s.ctx, s.onContextDone)
	go s.run()
	return s.obj
}

// socketOf returns the socket behind a JS value, or throws a TypeError.
func (m *Module) socketOf(v goja.Value) *socket {
	if obj, ok := v.(*goja.Object); ok {
		if h := obj.GetSymbol(m.sockKey); h != nil {
			if s, ok := h.Export().(*socket); ok {
				return s
			}
		}
	}
	panic(m.rt.NewTypeError("Illegal invocation: not a WebSocket"))
}

// onContextDone runs (on its own goroutine) when the iteration's context
// ends: no more events reach the script; an open connection gets a
// best-effort close frame and is cut, at once when the run was cancelled,
// else after the close timeout if the server does not answer.
func (s *socket) onContextDone() {
	s.dialCancel()
	s.bl.drop(&s.held)
	s.mu.Lock()
	s.ctxDone = true
	conn, dialing := s.netConn, s.dialing
	s.mu.Unlock()
	if conn == nil {
		if dialing != nil {
			_ = dialing.Close()
		}
		return
	}
	_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""),
		time.Now().Add(time.Second))
	if scriptEnded(context.Cause(s.ctx)) {
		s.armCloseTimer(conn)
		return
	}
	_ = conn.Close()
}

// armCloseTimer cuts the connection if the closing handshake has not ended
// within the close timeout.
func (s *socket) armCloseTimer(conn *websocket.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closeTimer != nil {
		return
	}
	s.closeTimer = time.AfterFunc(s.p.closeTimeout, func() {
		s.fail(&closeTimeoutError{s.p.closeTimeout})
		_ = conn.Close()
	})
}

// fail records why we cut the connection; the first reason wins.
func (s *socket) fail(err error) {
	s.mu.Lock()
	if s.failure == nil {
		s.failure = err
	}
	s.mu.Unlock()
}

// closeTimeoutError is the failure of a closing handshake that timed out.
type closeTimeoutError struct{ d time.Duration }

func (e *closeTimeoutError) Error() string {
	return "websocket: closing handshake timed out after " + e.d.String()
}

// push adds a sample as vu.Push does, without asking the loop for its
// context: the socket's is the same and cannot change while it lives.
func (s *socket) push(m *metrics.Metric, at time.Time, value float64, tags *metrics.TagSet) {
	if s.inIter && s.ctx.Err() != nil {
		return
	}
	m.Add(at, value, tags)
}
