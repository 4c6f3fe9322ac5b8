package websockets

import (
	"errors"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// spillConn is the connection under gorilla (and under TLS for wss). Once
// the socket is open its Write never blocks, so that send(), ping() and
// close() write on the event loop itself, without handing every frame to
// another goroutine: a write goes straight to the kernel when nothing is
// waiting and the kernel's send buffer takes it all (the usual case). What
// the kernel does not take "spills" into a buffer, in order, and a flusher
// goroutine, started only then, writes it out. A peer that stops reading
// costs memory (seen in bufferedAmount), never a stalled loop. The buffer
// is a list of fixed-size chunks, so that what it holds costs its size
// plus at most one chunk (a doubling slice costs up to three times its
// size while it grows).
//
// During the handshake (before goAsync) it is a plain pass-through.
type spillConn struct {
	net.Conn                      // the counted connection: reads, blocking writes, deadlines
	raw      syscall.RawConn      // the socket, for non-blocking writes; nil without one (in-memory pipes)
	counter  *metrics.ByteCounter // counts what the non-blocking writes send
	// onError learns why the flusher could not write, before the
	// connection is cut; it runs on the flusher.
	onError func(error)

	nb nonblockingWrite // the state of tryWrite, guarded by mu

	accepted atomic.Int64 // bytes taken by Write since goAsync
	written  atomic.Int64 // of those, bytes the kernel has taken

	mu       sync.Mutex // guards the fields below
	async    bool
	pending  [][]byte      // accepted, not yet written, in order: chunks of spillChunk capacity
	spare    []byte        // a written chunk, reused
	flushing chan struct{} // non-nil while a flusher runs; closed when it ends
	closed   bool
	err      error // the first write error: every later Write returns it
	flusher  sync.WaitGroup
}

// spillChunk is the capacity of each chunk of the spill buffer.
const spillChunk = 64 << 10

func newSpillConn(conn net.Conn, counter *metrics.ByteCounter, onError func(error)) *spillConn {
	c := &spillConn{Conn: &metrics.CountingConn{Conn: conn, Counter: counter}, counter: counter, onError: onError}
	c.nb.fn = c.nb.write
	if sc, ok := conn.(syscall.Conn); ok {
		if raw, err := sc.SyscallConn(); err == nil {
			c.raw = raw
		}
	}
	return c
}

// goAsync makes every later Write non-blocking.
func (c *spillConn) goAsync() {
	c.mu.Lock()
	c.async = true
	c.mu.Unlock()
}

// Write writes p in order after everything written before. Once async it
// returns at once: the error is that of an earlier write, of the kernel
// refusing p, or of a closed connection.
func (c *spillConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	if !c.async {
		c.mu.Unlock()
		return c.Conn.Write(p)
	}
	defer c.mu.Unlock()
	switch {
	case c.err != nil:
		return 0, c.err
	case c.closed:
		return 0, net.ErrClosed
	}
	c.accepted.Add(int64(len(p)))
	n := 0
	if c.flushing == nil && c.raw != nil {
		var err error
		n, err = c.tryWrite(p)
		c.written.Add(int64(n))
		if err != nil {
			c.err = err
			return n, err
		}
		if n == len(p) {
			return n, nil
		}
	}
	c.spill(p[n:])
	if c.flushing == nil {
		c.flushing = make(chan struct{})
		c.flusher.Add(1)
		go c.flush(c.flushing)
	}
	return len(p), nil
}

// spill appends p to the pending chunks. Call it with mu held.
func (c *spillConn) spill(p []byte) {
	for len(p) > 0 {
		if n := len(c.pending); n > 0 {
			last := c.pending[n-1]
			if room := cap(last) - len(last); room > 0 {
				k := min(room, len(p))
				c.pending[n-1] = append(last, p[:k]...)
				p = p[k:]
				continue
			}
		}
		chunk := c.spare
		c.spare = nil
		if chunk == nil {
			chunk = make([]byte, 0, spillChunk)
		}
		c.pending = append(c.pending, chunk[:0])
	}
}

// tryWrite writes as much of p as the kernel takes without waiting.
// Call it with mu held.
func (c *spillConn) tryWrite(p []byte) (n int, err error) {
	c.nb.p, c.nb.n, c.nb.err = p, 0, nil
	rawErr := c.raw.Write(c.nb.fn)
	n, err = c.nb.n, c.nb.err
	c.nb.p = nil
	if n > 0 {
		c.counter.AddSent(int64(n))
	}
	switch {
	case rawErr != nil: // the connection is closed
		var op *net.OpError
		if errors.As(rawErr, &op) && op.Op == "raw-write" {
			op.Op = "write" // as the connection's own Write says it
		}
		return n, rawErr
	case err != nil: // the kernel refused: reset, broken pipe...
		addr := c.RemoteAddr()
		return n, &net.OpError{Op: "write", Net: addr.Network(), Source: c.LocalAddr(), Addr: addr,
			Err: os.NewSyscallError("write", err)}
	}
	return n, nil
}

// nonblockingWrite is the callback of syscall.RawConn.Write, made once per
// connection so that a write does not allocate a closure.
type nonblockingWrite struct {
	fn  func(fd uintptr) bool // write, as a method value
	p   []byte
	n   int
	err error
}

// write writes p from n on until the kernel would block; returning true
// tells the runtime not to wait for the socket to become writable.
func (w *nonblockingWrite) write(fd uintptr) bool {
	for w.n < len(w.p) {
		m, err := syscall.Write(int(fd), w.p[w.n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return true
		case err != nil:
			w.err = err
			return true
		}
		w.n += m
	}
	return true
}

// flush writes the pending chunks, blocking, oldest first, until none are
// left. A chunk leaves the list before it is written, so that Write never
// touches the one being written.
func (c *spillConn) flush(done chan struct{}) {
	defer c.flusher.Done()
	for {
		c.mu.Lock()
		if len(c.pending) == 0 || c.closed || c.err != nil {
			c.pending = nil
			c.flushing = nil
			close(done)
			c.mu.Unlock()
			return
		}
		chunk := c.pending[0]
		c.pending[0] = nil
		c.pending = c.pending[1:]
		c.mu.Unlock()

		n, err := c.Conn.Write(chunk)
		c.written.Add(int64(n))

		c.mu.Lock()
		if c.spare == nil {
			c.spare = chunk[:0]
		}
		report := err != nil && !c.closed && c.err == nil
		if report {
			c.err = err
		}
		c.mu.Unlock()
		if report {
			c.onError(err)
			_ = c.Conn.Close() // the reader sees the end
		}
	}
}

// SetWriteDeadline applies during the handshake only: once async, writes
// do not wait, and the flusher waits for the peer as long as the
// connection lives (the close timeout or the end of the iteration cuts it).
func (c *spillConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	async := c.async
	c.mu.Unlock()
	if async {
		return nil
	}
	return c.Conn.SetWriteDeadline(t)
}

// settle waits, at most d, until the flusher has written everything out
// (the reply to a server's close frame, say) so that closing the
// connection loses nothing the peer still reads.
func (c *spillConn) settle(d time.Duration) {
	c.mu.Lock()
	done := c.flushing
	c.mu.Unlock()
	if done == nil {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	}
}

// Close drops what is pending, closes the connection and waits for the
// flusher to end.
func (c *spillConn) Close() error {
	c.mu.Lock()
	c.closed = true
	c.pending = nil
	c.mu.Unlock()
	err := c.Conn.Close()
	c.flusher.Wait()
	if errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}
