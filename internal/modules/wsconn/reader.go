package wsconn

import (
	"errors"
	"fmt"
	"io"
)

// firstChunk is the size of the reader's reusable first buffer: a message
// that fits costs one exact-size allocation.
const firstChunk = 16 << 10

// MessageReader reads whole messages with a size limit. A message is read
// into chunks (the first one reused, the next ones each an eighth of what
// was read so far, so that little is allocated past the message's end) and
// then copied once into an exact-size buffer: a message costs its size
// once it is held, and about twice its size while it is being assembled.
// One per socket, reader goroutine only.
type MessageReader struct {
	// Limit is the largest message in bytes (0: no limit).
	Limit  int64
	first  []byte
	chunks [][]byte
}

// TooBigError fails a connection whose peer sent a message larger than
// the maximum message size.
type TooBigError struct {
	// Limit is the maximum message size that the message was over.
	Limit int64
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("websocket: message too big: more than %d bytes, the maximum message size "+
		"(raise it with --ws-max-message-size or wstest.WithMaxMessageSize)", e.Limit)
}

// Read returns the whole message of r in a buffer of exactly its size, or
// a *TooBigError as soon as it has read more than the limit.
func (mr *MessageReader) Read(r io.Reader) ([]byte, error) {
	if mr.first == nil {
		mr.first = make([]byte, firstChunk)
	}
	n, err := mr.fill(r, mr.first, 0)
	if err != nil {
		return nil, err
	}
	if n < len(mr.first) {
		out := make([]byte, n)
		copy(out, mr.first)
		return out, nil
	}
	total := int64(n)
	defer func() {
		clear(mr.chunks)
		mr.chunks = mr.chunks[:0]
	}()
	for {
		size := max(int64(firstChunk), total/8)
		if mr.Limit > 0 {
			size = min(size, mr.Limit+1-total) // reading one byte past the limit is enough
		}
		chunk := make([]byte, size)
		n, err := mr.fill(r, chunk, total)
		if err != nil {
			return nil, err
		}
		total += int64(n)
		mr.chunks = append(mr.chunks, chunk[:n])
		if n < len(chunk) {
			break
		}
	}
	out := make([]byte, 0, total)
	out = append(out, mr.first...)
	for _, c := range mr.chunks {
		out = append(out, c...)
	}
	return out, nil
}

// fill reads r into p until p is full or the message ends; before is what
// the message had before p. It fails once the message is over the limit (a
// message that ends exactly at the limit fills its last chunk; the next
// chunk, one byte long, then finds the end).
func (mr *MessageReader) fill(r io.Reader, p []byte, before int64) (int, error) {
	n := 0
	for n < len(p) {
		m, err := r.Read(p[n:])
		n += m
		if mr.Limit > 0 && before+int64(n) > mr.Limit {
			return n, &TooBigError{Limit: mr.Limit}
		}
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// WireLimit is the read limit to give gorilla for a maximum message size
// (0: none): gorilla counts the bytes on the wire, MessageReader counts
// them inflated, and deflate adds a little to data it cannot shrink.
func WireLimit(limit int64) int64 {
	if limit <= 0 {
		return 0
	}
	return limit + limit/128 + 4096
}
