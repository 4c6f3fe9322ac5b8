package metrics

import (
	"net"
	"sync/atomic"
)

// ByteCounter totals bytes written and read on connections, atomically.
// The zero value is ready to use.
type ByteCounter struct {
	sent, received atomic.Int64
}

// Totals returns the bytes written and read so far.
func (c *ByteCounter) Totals() (sent, received int64) {
	return c.sent.Load(), c.received.Load()
}

// Take returns the bytes written and read since the last Take and resets
// both totals to zero.
func (c *ByteCounter) Take() (sent, received int64) {
	return c.sent.Swap(0), c.received.Swap(0)
}

// AddSent counts n bytes written by a connection that writes around its
// CountingConn.
func (c *ByteCounter) AddSent(n int64) { c.sent.Add(n) }

// CountingConn is a net.Conn that adds the bytes it moves to a ByteCounter.
type CountingConn struct {
	net.Conn
	Counter *ByteCounter
}

var _ net.Conn = (*CountingConn)(nil)

// Read reads from the connection and counts the bytes read.
func (c *CountingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.Counter.received.Add(int64(n))
	}
	return n, err
}

// Write writes to the connection and counts the bytes written.
func (c *CountingConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if n > 0 {
		c.Counter.sent.Add(int64(n))
	}
	return n, err
}
