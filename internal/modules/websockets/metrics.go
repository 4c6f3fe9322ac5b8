package websockets

import (
	"net/http"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/wsconn"
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
	tags = wsconn.HandshakeTags(tags, enabled, resp, conn)
	if failure != nil && enabled["error"] {
		tags = tags.With("error", failure.Error())
	}
	return tags
}
