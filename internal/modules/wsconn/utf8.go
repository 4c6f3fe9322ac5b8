package wsconn

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// ValidUTF8 returns s with every byte that is not part of valid UTF-8
// replaced by U+FFFD, so that a text frame or a close reason is valid on
// the wire (DECISIONS 15). goja already turns unpaired surrogates into
// U+FFFD when it makes a Go string; raw bytes (from open() or -e) stay as
// they are until here. s itself is returned when it is valid.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s { // an invalid byte ranges as one utf8.RuneError
		b.WriteRune(r)
	}
	return b.String()
}

// ErrInvalidUTF8 ends a connection whose peer sent a text message that is
// not valid UTF-8 (RFC 6455 8.1): the socket sends close 1007, reports
// this error and closes with 1006 (spec/DECISIONS.md item 14).
var ErrInvalidUTF8 = errors.New("websocket: invalid UTF-8 in text message")

// RefuseInvalidUTF8 sends the close frame that tells the peer why.
func RefuseInvalidUTF8(conn *websocket.Conn) {
	_ = conn.WriteControl(websocket.CloseMessage,
		websocket.FormatCloseMessage(websocket.CloseInvalidFramePayloadData, "invalid UTF-8"),
		time.Now().Add(ControlWait))
}
