package websockets

import (
	"bytes"
	"io"
	"net"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// tcpPair returns both ends of a loopback TCP connection.
func tcpPair(t *testing.T) (client, server *net.TCPConn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	s := <-accepted
	if s == nil {
		t.Fatal("accept failed")
	}
	t.Cleanup(func() { _ = c.Close(); _ = s.Close() })
	return c.(*net.TCPConn), s.(*net.TCPConn)
}

// chunks returns n chunks of size bytes, chunk i filled with byte i.
func chunks(n, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = bytes.Repeat([]byte{byte(i)}, size)
	}
	return out
}

// TestSpillConnNeverBlocks: writes to a peer that does not read return at
// once, keep their order, and reach the peer in full once it reads; the
// counters and the byte counter agree.
func TestSpillConnNeverBlocks(t *testing.T) {
	client, server := tcpPair(t)
	var counter metrics.ByteCounter
	sc := newSpillConn(client, &counter, func(err error) { t.Errorf("unexpected write error: %v", err) })
	if sc.raw == nil {
		t.Fatal("a TCP connection should allow non-blocking writes")
	}
	sc.goAsync()
	data := chunks(256, 64<<10) // 16 MiB: far more than the kernel buffers
	for _, d := range data {
		if n, err := sc.Write(d); n != len(d) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	total := int64(len(data) * len(data[0]))
	if got := sc.accepted.Load(); got != total {
		t.Fatalf("accepted %d, want %d", got, total)
	}
	if sc.written.Load() >= total {
		t.Fatal("the peer does not read: some bytes should wait in the spill buffer")
	}

	got := make([]byte, total)
	if _, err := io.ReadFull(server, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, bytes.Join(data, nil)) {
		t.Fatal("the peer received the bytes out of order or changed")
	}
	sc.settle(10 * time.Second)
	if w := sc.written.Load(); w != total {
		t.Fatalf("written %d after the flush, want %d", w, total)
	}
	if sent, _ := counter.Totals(); sent != total {
		t.Fatalf("counted %d bytes sent, want %d", sent, total)
	}
	if err := sc.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.Write([]byte("late")); err == nil {
		t.Fatal("Write after Close should fail")
	}
}

// TestSpillConnReportsFlusherErrors: when the peer goes away while bytes
// wait, the flusher reports the error once and later writes fail.
func TestSpillConnReportsFlusherErrors(t *testing.T) {
	client, server := tcpPair(t)
	var (
		mu     sync.Mutex
		errs   []error
		failed = make(chan struct{})
	)
	sc := newSpillConn(client, &metrics.ByteCounter{}, func(err error) {
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, err)
		if len(errs) == 1 {
			close(failed)
		}
	})
	sc.goAsync()
	for _, d := range chunks(256, 64<<10) {
		if _, err := sc.Write(d); err != nil {
			break // the kernel may already refuse
		}
	}
	_ = server.SetLinger(0) // a reset, not a FIN
	_ = server.Close()
	select {
	case <-failed:
	case <-time.After(10 * time.Second):
		t.Fatal("the flusher reported no error")
	}
	if _, err := sc.Write([]byte("more")); err == nil {
		t.Fatal("Write after a failed flush should fail")
	}
	_ = sc.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(errs) != 1 {
		t.Fatalf("reported %d errors, want 1: %v", len(errs), errs)
	}
}

// TestSpillConnPipeFallsBack: a connection without a socket (the in-memory
// pipes of WithHandler) always goes through the flusher, in order.
func TestSpillConnPipeFallsBack(t *testing.T) {
	client, server := net.Pipe()
	defer server.Close()
	sc := newSpillConn(client, &metrics.ByteCounter{}, func(err error) { t.Errorf("unexpected write error: %v", err) })
	sc.goAsync()
	data := chunks(4, 1000)
	for _, d := range data {
		if _, err := sc.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	got := make([]byte, 4000)
	if _, err := io.ReadFull(server, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, bytes.Join(data, nil)) {
		t.Fatal("the pipe received the bytes out of order")
	}
	_ = sc.Close()
}

// TestSpillConnDirectWriteError: when the kernel refuses a write (the peer
// reset the connection), Write says so at once, as the connection's own
// Write would, and keeps saying it.
func TestSpillConnDirectWriteError(t *testing.T) {
	client, server := tcpPair(t)
	sc := newSpillConn(client, &metrics.ByteCounter{}, func(err error) { t.Errorf("unexpected flusher error: %v", err) })
	sc.goAsync()
	_ = server.SetLinger(0) // a reset, not a FIN
	_ = server.Close()
	if _, err := sc.Read(make([]byte, 1)); err == nil { // waits for the reset
		t.Fatal("the read after a reset should fail")
	}
	_, err := sc.Write([]byte("x"))
	want := regexp.MustCompile(`^write tcp 127\.0\.0\.1:\d+->127\.0\.0\.1:\d+: write: (broken pipe|connection reset by peer)$`)
	if err == nil || !want.MatchString(err.Error()) {
		t.Fatalf("Write error = %v, want one matching %s", err, want)
	}
	if _, again := sc.Write([]byte("y")); again != err {
		t.Fatalf("a later Write returned %v, want the first error again", again)
	}
	_ = sc.Close()
}
