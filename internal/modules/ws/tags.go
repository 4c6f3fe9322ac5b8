package ws

import (
	"net"
	"net/http"
	"strconv"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
)

// systemTags adds to base (the VU's tags at connect plus the custom ones)
// the enabled system tags: url as passed (query included; a custom name
// does not replace it), status and subproto when there was a response, ip
// when there was a connection.
func (m *Module) systemTags(base *metrics.TagSet, rawURL string, resp *http.Response, conn *websocket.Conn) *metrics.TagSet {
	enabled := m.vu.Settings.SystemTags
	tags := base
	if enabled["url"] {
		tags = tags.With("url", rawURL)
	}
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
