package metrics

// Chunk sizes: the first chunk is small so that rarely used metrics stay
// cheap, then chunks double up to maxChunk elements. A chunk is allocated at
// its final capacity and never grows, so appending never copies old data.
const (
	minChunk = 16
	maxChunk = 4096
)

// column is an append-only sequence stored in fixed-capacity chunks.
// It is not synchronised; its owner locks.
type column[T any] struct {
	chunks [][]T
	n      int
}

// add appends v.
func (c *column[T]) add(v T) {
	last := len(c.chunks) - 1
	if last < 0 || len(c.chunks[last]) == cap(c.chunks[last]) {
		size := maxChunk
		if len(c.chunks) < 8 {
			size = min(minChunk<<len(c.chunks), maxChunk)
		}
		c.chunks = append(c.chunks, make([]T, 0, size))
		last++
	}
	c.chunks[last] = append(c.chunks[last], v)
	c.n++
}

// len returns the number of elements.
func (c *column[T]) len() int { return c.n }

// each calls fn for elements from index from on, in order.
func (c *column[T]) each(from int, fn func(T)) {
	for _, ch := range c.chunks {
		if from >= len(ch) {
			from -= len(ch)
			continue
		}
		for _, v := range ch[from:] {
			fn(v)
		}
		from = 0
	}
}

// reset drops every element and its memory.
func (c *column[T]) reset() { *c = column[T]{} }
