// Package websockets implements k6's browser-like WebSocket API (the
// "k6/websockets" module and its aliases) and its Blob class on a VU's event
// loop, with k6's ws_* metrics.
//
// Use New to make the module of one VU, and Module.Exports to get the
// exports (WebSocket, Blob) of one import path.
//
// Every socket has one reader goroutine. send(), ping() and close() write
// on the loop goroutine itself, through a connection whose writes never
// block (spillConn: what the kernel does not take at once is written by a
// short-lived flusher goroutine). Everything the script sees changes on the
// loop goroutine only, through one loop reservation per socket that it
// holds from construction until its final close event has been
// dispatched. When the iteration's context ends, a
// socket stops delivering events, sends a best-effort close frame, cuts its
// TCP connection and releases its reservation.
//
// Where k6 has a bug or a gap, the behaviour follows spec/DECISIONS.md
// (removeEventListener, wasClean, readyState constants, one Blob constructor
// per VU, close timeout, handshake errors with the HTTP status, ...).
package websockets
