// Package ws is k6's legacy k6/ws module: ws.connect(url, [params],
// callback) dials, runs the callback with the socket, fires open, then
// runs the socket's own event loop on the VU goroutine until the socket
// closes, and returns a Response object (spec/ws-legacy.md).
//
// Threading: only the goroutine that called connect (the VU's loop
// goroutine) touches goja values. One reader goroutine per socket reads
// frames and hands them over a channel; it never outlives the socket.
//
// The dialer, TLS and byte counting are shared with k6/websockets through
// package wsconn.
package ws
