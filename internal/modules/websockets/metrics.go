package websockets

import (
	"net"
	"net/http"
	"strconv"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
)

// systemTags returns the socket's sample tags once the dial is over: the
// construction snapshot and custom tags, plus url and name (a custom name
// tag renames url too), status and subproto when there was a response, ip
// when there was a connection and error when the dial failed, each only
// when enabled in systemTags.
func (s *socket) systemTags(resp *http.Response, conn *websocket.Conn, failure error) *metrics.TagSet {
	enabled := s.m.vu.Settings.SystemTags
	tags := s.tags
	name, custom := s.p.tags["name"]
	if !custom {
		name = s.url
	}
	if enabled["url"] {
		tags = tags.With("url", name)
	}
	if enabled["name"] {
		tags = tags.With("name", name)
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
	if failure != nil && enabled["error"] {
		tags = tags.With("error", failure.Error())
	}
	return tags
}
