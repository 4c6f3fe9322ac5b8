package wstest

import "github.com/wsk6/wstest/internal/vu"

// wireLimits are the bounds a run puts on what its sockets receive.
type wireLimits struct {
	maxMessageSize int64
	receiveBacklog int64
}

func defaultWireLimits() wireLimits {
	return wireLimits{maxMessageSize: vu.DefaultMaxMessageSize, receiveBacklog: vu.DefaultReceiveBacklog}
}

// DefaultMaxMessageSize is the largest WebSocket message a socket receives
// unless WithMaxMessageSize says otherwise: 256 MiB.
const DefaultMaxMessageSize = vu.DefaultMaxMessageSize

// DefaultReceiveBacklog is how much received WebSocket data a VU holds for
// its handlers unless WithReceiveBacklog says otherwise: 64 MiB.
const DefaultReceiveBacklog = vu.DefaultReceiveBacklog

// WithMaxMessageSize sets the largest WebSocket message (in bytes, after
// permessage-deflate inflated it) that a socket receives; 0 means no limit.
// A larger message fails the connection before it is held in memory: the
// server gets close 1009, the script an error event and a close event with
// code 1009. The default is DefaultMaxMessageSize.
func WithMaxMessageSize(n int64) Option {
	return func(c *config) { c.wire.maxMessageSize = max(n, 0) }
}

// WithReceiveBacklog bounds the received WebSocket data (in bytes) that a
// VU holds before its handlers have run; 0 means no bound. While more is
// waiting, the VU's sockets stop reading, so that TCP slows the server
// down; nothing is dropped. The default is DefaultReceiveBacklog.
func WithReceiveBacklog(n int64) Option {
	return func(c *config) { c.wire.receiveBacklog = max(n, 0) }
}
