package vu

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// Behaviour names one thing a script can rely on that only wstest has
// (spec/DECISIONS.md): the script passes here and fails, or behaves
// otherwise, on k6.
type Behaviour string

// The guarded behaviours; Behaviours describes each.
const (
	RemoveEventListener Behaviour = "removeEventListener"
	CloseTimeout        Behaviour = "closeTimeout"
	SendBlob            Behaviour = "send-blob"
	ReceivedBlob        Behaviour = "received-blob-instanceof"
	ReadyStateConstants Behaviour = "readyState-constants"
	ExperimentalTimers  Behaviour = "k6/experimental/timers"
	XWebsockets         Behaviour = "k6/x/websockets"
)

// GuardedBehaviour is one row of the portability guard's table.
type GuardedBehaviour struct {
	ID Behaviour
	// What is what the script did, as the warning names it.
	What string
	// K6 is what k6 does instead, and the portable way.
	K6 string
}

// Behaviours is the guard's table: every behaviour it watches, in the
// order the README lists them.
func Behaviours() []GuardedBehaviour {
	return []GuardedBehaviour{
		{RemoveEventListener, "WebSocket removeEventListener()",
			"k6's WebSocket has no removeEventListener (k6 issues 4823, 5877): the call throws a TypeError; keep the listener and have it check a flag, or set the on<event> property to null"},
		{CloseTimeout, "the WebSocket params key closeTimeout",
			"k6 throws on an unknown params key and has no closing-handshake timeout: leave the key out"},
		{SendBlob, "WebSocket send() with a Blob",
			"k6's send does not take this Blob: send await blob.arrayBuffer() or a typed array instead"},
		{ReceivedBlob, "instanceof Blob on a received message's data",
			"on k6 a received blob is not an instance of the module's Blob, so the test is false: check the socket's binaryType, or use data.arrayBuffer() / data.text()"},
		{ReadyStateConstants, "WebSocket.CONNECTING, OPEN, CLOSING or CLOSED",
			"k6's WebSocket has no readyState constants (they are undefined there, so a comparison is silently false): compare readyState with 0, 1, 2 or 3"},
		{ExperimentalTimers, "an import of k6/experimental/timers",
			"k6 v2 removed k6/experimental/timers: the import fails there; import from k6/timers, or use the global timer functions"},
		{XWebsockets, "an import of k6/x/websockets",
			"k6 serves k6/x/websockets only in an xk6 build with that extension: import from k6/websockets"},
	}
}

// StrictError is the error a guarded behaviour gives in strict mode.
type StrictError struct {
	Behaviour GuardedBehaviour
}

// Error says what the script relied on and what k6 does instead.
func (e *StrictError) Error() string {
	return fmt.Sprintf("k6-strict: %s is wstest's own; %s", e.Behaviour.What, e.Behaviour.K6)
}

// Guard is the run-wide portability guard. Modules call Use when a script
// relies on a guarded behaviour; it warns once per behaviour with the
// script's position, or in strict mode makes every use an error. Its
// methods are safe to call from any goroutine; a nil *Guard does nothing.
type Guard struct {
	strict bool
	warn   func(msg string)

	mu   sync.Mutex
	seen map[Behaviour]bool
}

// NewGuard returns a guard that sends its warnings to warn; strict makes
// every use an error instead (k6 strict mode).
func NewGuard(strict bool, warn func(msg string)) *Guard {
	return &Guard{strict: strict, warn: warn, seen: map[Behaviour]bool{}}
}

// Strict reports whether the guard makes uses errors.
func (g *Guard) Strict() bool { return g != nil && g.strict }

// Use records that the script relies on b at pos ("file:line:col", or ""
// when unknown). In strict mode it returns a *StrictError for the caller
// to throw at that place; otherwise it warns the first time b is used in
// the run and returns nil.
func (g *Guard) Use(b Behaviour, pos string) error {
	if g == nil {
		return nil
	}
	row := describe(b)
	if g.strict {
		return &StrictError{Behaviour: row}
	}
	g.mu.Lock()
	first := !g.seen[b]
	g.seen[b] = true
	g.mu.Unlock()
	if first && g.warn != nil {
		at := ""
		if pos != "" {
			at = " at " + pos
		}
		g.warn(fmt.Sprintf("the script relies on %s%s, which only wstest has: %s (--k6-strict makes this an error)", row.What, at, row.K6))
	}
	return nil
}

// UseIn is Use with the position of the innermost script frame of rt's
// call stack; in strict mode it throws the error there as a JS exception.
// Call it from a Go function that JavaScript called.
func (g *Guard) UseIn(rt *goja.Runtime, b Behaviour) {
	if g == nil {
		return
	}
	if err := g.Use(b, ScriptPosition(rt)); err != nil {
		panic(rt.NewGoError(err))
	}
}

// ScriptPosition is "file:line:col" of the innermost script (non-native)
// frame of rt's call stack, or "" when there is none.
func ScriptPosition(rt *goja.Runtime) string {
	for _, f := range rt.CaptureCallStack(0, nil) {
		p := f.Position()
		if p.Filename == "" || p.Line == 0 {
			continue
		}
		return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	}
	return ""
}

func describe(b Behaviour) GuardedBehaviour {
	for _, row := range Behaviours() {
		if row.ID == b {
			return row
		}
	}
	return GuardedBehaviour{ID: b, What: string(b), K6: "k6 does not have it"}
}
