package ws

import (
	"net/http"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/wsconn"
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
	tags = wsconn.HandshakeTags(tags, enabled, resp, conn)
	return tags
}
