package websockets

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/wsk6/wstest/internal/metrics"
)

// TestSpillConnCost: 32 MiB held for a peer that does not read, written
// in gorilla-sized frames and in one large write, allocate and hold about
// their size (the chunk list); then the peer gets every byte in order.
// A doubling slice allocated about three times as much.
func TestSpillConnCost(t *testing.T) {
	const total = 32 << 20
	for _, piece := range []int{4096 + 14, total} {
		client, server := tcpPair(t)
		sc := newSpillConn(client, new(metrics.ByteCounter), func(err error) { t.Errorf("write error: %v", err) })
		sc.goAsync()
		data := bytes.Repeat([]byte("0123456789abcdef"), total/16)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for p := data; len(p) > 0; {
			n := min(piece, len(p))
			if _, err := sc.Write(p[:n]); err != nil {
				t.Fatal(err)
			}
			p = p[n:]
		}
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > total*11/10 {
			t.Errorf("writes of %d: allocated %d bytes to hold %d (%.2fx)", piece, alloc, total, float64(alloc)/total)
		}
		got := make([]byte, total)
		if _, err := io.ReadFull(server, got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Fatal("the peer received other bytes")
		}
		_ = sc.Close()
	}
}
