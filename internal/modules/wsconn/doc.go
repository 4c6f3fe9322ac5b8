// Package wsconn is what the two WebSocket modules (k6/websockets and the
// legacy k6/ws) share to reach a server: the gorilla dialer built from a
// VU's settings (its Dial, TLS with ALPN http/1.1, the proxy from the
// environment, k6's fixed handshake timeout) and the timing constants.
//
// Use NewDialer with a Config; wrap connections with Config.Wrap to count
// their bytes.
package wsconn
