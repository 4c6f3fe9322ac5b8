package wsconn

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"testing"
	"testing/iotest"
)

// TestMessageReaderSizes: a message comes back whole, in a buffer of
// exactly its size, up to and including the limit; one byte more fails.
func TestMessageReaderSizes(t *testing.T) {
	for _, size := range []int{0, 1, firstChunk - 1, firstChunk, firstChunk + 1, 3*firstChunk + 5, 1 << 20} {
		for _, limit := range []int64{0, int64(size), int64(size) + 1} {
			data := bytes.Repeat([]byte("abcdefg"), size/7+1)[:size]
			mr := MessageReader{Limit: limit}
			for _, r := range []io.Reader{bytes.NewReader(data), iotest.OneByteReader(bytes.NewReader(data)), iotest.DataErrReader(bytes.NewReader(data))} {
				got, err := mr.Read(r)
				if err != nil || !bytes.Equal(got, data) || cap(got) != len(got) {
					t.Fatalf("size %d limit %d: len %d cap %d err %v", size, limit, len(got), cap(got), err)
				}
			}
			if limit > 1 && int64(size) == limit {
				mr := MessageReader{Limit: limit - 1}
				_, err := mr.Read(bytes.NewReader(data))
				var tb *TooBigError
				if !errors.As(err, &tb) {
					t.Fatalf("size %d limit %d: err %v, want too big", size, limit-1, err)
				}
			}
		}
	}
}

// TestMessageReaderCost: assembling a large message allocates a little
// over twice its size (the chunks, then the exact copy); it then holds
// exactly its size. Before: a doubling bytes.Buffer plus a clone (up to
// four times).
func TestMessageReaderCost(t *testing.T) {
	const size = 32<<20 + 12345
	data := make([]byte, size)
	mr := MessageReader{Limit: 256 << 20}
	_, _ = mr.Read(bytes.NewReader(data[:firstChunk+1])) // the reusable first chunk
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got, err := mr.Read(bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	if err != nil || len(got) != size || cap(got) != size {
		t.Fatalf("len %d cap %d err %v", len(got), cap(got), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size*23/10 {
		t.Errorf("allocated %d bytes for a message of %d (%.2fx), want at most 2.3x", alloc, size, float64(alloc)/size)
	}
}

// TestMessageReaderBomb: what the limit refuses costs at most the limit,
// however much the rest would be.
func TestMessageReaderBomb(t *testing.T) {
	const limit = 4 << 20
	mr := MessageReader{Limit: limit}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := mr.Read(io.LimitReader(zeros{}, 1<<40))
	runtime.ReadMemStats(&after)
	var tb *TooBigError
	if !errors.As(err, &tb) {
		t.Fatalf("err %v, want too big", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit*12/10+firstChunk {
		t.Errorf("allocated %d bytes to refuse a message over %d", alloc, limit)
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// FuzzMessageReader: whatever the message and the limit, Read returns the
// message whole in an exact-size buffer when it fits, and a *TooBigError
// exactly when it does not.
func FuzzMessageReader(f *testing.F) {
	f.Add([]byte(""), int64(0), uint8(0))
	f.Add([]byte("hello"), int64(5), uint8(1))
	f.Add([]byte("hello"), int64(4), uint8(2))
	f.Add(bytes.Repeat([]byte("x"), firstChunk+3), int64(firstChunk+1), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, limit int64, mode uint8) {
		limit = max(limit, 0)
		var r io.Reader = bytes.NewReader(data)
		switch mode % 3 {
		case 1:
			r = iotest.OneByteReader(r)
		case 2:
			r = iotest.DataErrReader(r)
		}
		mr := MessageReader{Limit: limit}
		got, err := mr.Read(r)
		var tb *TooBigError
		if limit > 0 && int64(len(data)) > limit {
			if !errors.As(err, &tb) {
				t.Fatalf("%d bytes, limit %d: err %v, want too big", len(data), limit, err)
			}
			return
		}
		if err != nil || !bytes.Equal(got, data) || len(got) != cap(got) {
			t.Fatalf("%d bytes, limit %d: len %d cap %d err %v", len(data), limit, len(got), cap(got), err)
		}
	})
}
