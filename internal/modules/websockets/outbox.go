package websockets

import "sync"

// frameKind says what the writer does with an outgoing item.
type frameKind int

const (
	frameText frameKind = iota
	frameBinary
	framePing
	frameClose
)

// outgoing is one frame waiting for the writer.
type outgoing struct {
	kind frameKind
	text string // a text frame's payload
	data []byte // the payload of the other kinds
}

// size is the payload length a data frame adds to bufferedAmount; control
// frames count for nothing.
func (it outgoing) size() int64 {
	switch it.kind {
	case frameText:
		return int64(len(it.text))
	case frameBinary:
		return int64(len(it.data))
	}
	return 0
}

// outbox is the unbounded FIFO between send()/ping()/close() on the loop
// and the socket's writer goroutine.
type outbox struct {
	mu      sync.Mutex // guards items and stopped
	items   []outgoing
	stopped bool
	wake    chan struct{} // capacity 1: something changed
}

func newOutbox() *outbox { return &outbox{wake: make(chan struct{}, 1)} }

// put queues an item; it is dropped after stop.
func (o *outbox) put(it outgoing) {
	o.mu.Lock()
	if o.stopped {
		o.mu.Unlock()
		return
	}
	o.items = append(o.items, it)
	o.mu.Unlock()
	o.signal()
}

// stop makes next return false once called.
func (o *outbox) stop() {
	o.mu.Lock()
	o.stopped = true
	o.items = nil
	o.mu.Unlock()
	o.signal()
}

func (o *outbox) signal() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// next blocks until there are items (and returns them all, in order) or
// the outbox is stopped (ok false).
func (o *outbox) next(buf []outgoing) (items []outgoing, ok bool) {
	for {
		o.mu.Lock()
		if o.stopped {
			o.mu.Unlock()
			return nil, false
		}
		if len(o.items) > 0 {
			items = append(buf[:0], o.items...)
			clear(o.items)
			o.items = o.items[:0]
			o.mu.Unlock()
			return items, true
		}
		o.mu.Unlock()
		<-o.wake
	}
}
