package metrics

import (
	"context"
	"net"
	"sync/atomic"
	"time"
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

// Flush takes the totals and adds them as one data_sent and one
// data_received sample at t with tags (both even when zero, as k6 does at
// the end of every iteration).
func (c *ByteCounter) Flush(b *Builtins, t time.Time, tags *TagSet) {
	sent, received := c.Take()
	b.DataSent.Add(t, float64(sent), tags)
	b.DataReceived.Add(t, float64(received), tags)
}

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

// ContextDialer is what CountingDialer wraps; *net.Dialer is one.
type ContextDialer interface {
	DialContext(ctx context.Context, network, address string) (net.Conn, error)
}

// CountingDialer dials through Dialer (a zero net.Dialer when nil) and
// wraps every connection so that its bytes go to Counter. Its
// DialContext fits gorilla's websocket.Dialer.NetDialContext. Safe for
// concurrent use.
type CountingDialer struct {
	Dialer  ContextDialer
	Counter *ByteCounter
}

// NewCountingDialer returns a dialer over d (nil for a plain net.Dialer)
// with a fresh counter.
func NewCountingDialer(d ContextDialer) *CountingDialer {
	return &CountingDialer{Dialer: d, Counter: &ByteCounter{}}
}

// DialContext dials and wraps the connection.
func (d *CountingDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	var inner ContextDialer = d.Dialer
	if inner == nil {
		inner = &net.Dialer{}
	}
	conn, err := inner.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	return &CountingConn{Conn: conn, Counter: d.Counter}, nil
}
