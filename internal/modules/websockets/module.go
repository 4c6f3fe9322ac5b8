package websockets

import (
	"context"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Ready states, as the WebSocket constants name them.
const (
	stateConnecting = 0
	stateOpen       = 1
	stateClosing    = 2
	stateClosed     = 3
)

// Module is the websockets module of one VU: one Blob constructor shared by
// every import path. Use it on the VU's loop goroutine only.
type Module struct {
	vu *vu.VU
	rt *goja.Runtime

	// sockKey and blobKey hold, on each socket and blob object, the Go
	// value behind it.
	sockKey *goja.Symbol
	blobKey *goja.Symbol

	blobCtor  *goja.Object
	blobProto *goja.Object
	uint8Ctor *goja.Object
	isView    goja.Callable

	exports    map[string]*goja.Object
	eventTypes [eventKinds]goja.Value
	eventArgs  [1]goja.Value // the argument of a handler call, reused

	backlog    *backlog        // the received data of backlogCtx's sockets
	backlogCtx context.Context // the loop context backlog belongs to
}

// backlogFor returns the backlog of the sockets made in the loop context
// ctx (one iteration's, or setup's...): a new one for a new context.
func (m *Module) backlogFor(ctx context.Context) *backlog {
	if m.backlog == nil || m.backlogCtx != ctx {
		m.backlog = &backlog{limit: m.vu.Settings.ReceiveBacklog}
		m.backlogCtx = ctx
	}
	return m.backlog
}

// New makes the module for v (called once per VU, lazily).
func New(v *vu.VU) *Module {
	rt := v.Runtime
	m := &Module{
		vu:      v,
		rt:      rt,
		sockKey: goja.NewSymbol("WebSocket"),
		blobKey: goja.NewSymbol("Blob"),
		exports: map[string]*goja.Object{},
	}
	m.uint8Ctor = rt.Get("Uint8Array").ToObject(rt)
	m.isView, _ = goja.AssertFunction(rt.Get("ArrayBuffer").ToObject(rt).Get("isView"))
	m.defineBlob()
	for i, name := range eventNames {
		m.eventTypes[i] = rt.ToValue(name)
	}
	return m
}

// Exports returns the exports (WebSocket, Blob) for one import path. The
// default binaryType is "blob" for k6/websockets and k6/x/websockets and ""
// for k6/experimental/websockets (spec/DECISIONS.md). The same path gives
// the same object every time.
func (m *Module) Exports(specifier string) *goja.Object {
	defaultBinaryType := "blob"
	if specifier == "k6/experimental/websockets" {
		defaultBinaryType = ""
	}
	if e, ok := m.exports[defaultBinaryType]; ok {
		return e
	}
	e := m.rt.NewObject()
	_ = e.Set("WebSocket", m.defineWebSocket(defaultBinaryType))
	_ = e.Set("Blob", m.blobCtor)
	m.exports[defaultBinaryType] = e
	return e
}

// throw throws a GoError with the message msg.
func (m *Module) throw(msg string) {
	panic(m.rt.NewGoError(plainError(msg)))
}

// plainError is an error with a fixed text.
type plainError string

func (e plainError) Error() string { return string(e) }
