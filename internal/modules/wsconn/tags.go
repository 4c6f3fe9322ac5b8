package wsconn

import (
	"net"
	"net/http"
	"strconv"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
)

// HandshakeTags adds to tags the system tags both modules take from a
// handshake, each only when enabled: status and subproto when there was a
// response, ip when there was a connection.
func HandshakeTags(tags *metrics.TagSet, enabled map[string]bool, resp *http.Response, conn *websocket.Conn) *metrics.TagSet {
	if resp != nil {
		if enabled["status"] {
			tags = tags.With("status", strconv.Itoa(resp.StatusCode))
		}
		if enabled["subproto"] {
			tags = tags.With("subproto", resp.Header.Get("Sec-WebSocket-Protocol"))
		}
	}
	if conn != nil && enabled["ip"] {
		addr := conn.RemoteAddr().String()
		if host, _, err := net.SplitHostPort(addr); err == nil {
			addr = host
		}
		tags = tags.With("ip", addr)
	}
	return tags
}
