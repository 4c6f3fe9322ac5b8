package websockets

import "sync"

// messageOverhead is what a queued message costs beyond its data (the
// task, the event record): a flood of empty messages is bounded too.
const messageOverhead = 128

// backlog is a VU's received data that its handlers have not taken yet,
// over all its sockets (DECISIONS 17). A socket's reader adds each message
// it queues and then waits while the backlog is over the bound, so that
// it stops reading and TCP slows the server down; the loop takes the
// message off once dispatched. Nothing is dropped. One per VU and loop
// context: the sockets of an ended iteration cannot hold back the next.
type backlog struct {
	limit int64 // 0: no bound

	mu      sync.Mutex
	total   int64
	waiting chan struct{} // closed when total drops to the bound or below
}

// held is one socket's share of a backlog, guarded by the backlog's mu.
type held struct {
	n    int64
	done bool // the socket ended: its share was given back
}

// add counts a queued message of size bytes for h. Any goroutine.
func (b *backlog) add(h *held, size int) {
	b.mu.Lock()
	if !h.done {
		h.n += int64(size) + messageOverhead
		b.total += int64(size) + messageOverhead
	}
	b.mu.Unlock()
}

// take gives back a dispatched (or dropped) message of size bytes of h.
func (b *backlog) take(h *held, size int) {
	b.mu.Lock()
	if !h.done {
		h.n -= int64(size) + messageOverhead
		b.total -= int64(size) + messageOverhead
		b.wake()
	}
	b.mu.Unlock()
}

// drop gives back all of h: its socket will dispatch nothing more.
func (b *backlog) drop(h *held) {
	b.mu.Lock()
	if !h.done {
		h.done = true
		b.total -= h.n
		h.n = 0
		b.wake()
	}
	b.mu.Unlock()
}

// wake lets the waiting readers go once the backlog is down to half its
// bound, so that they read a batch each time rather than a message.
// Call it with mu held.
func (b *backlog) wake() {
	if b.waiting != nil && b.total <= b.limit/2 {
		close(b.waiting)
		b.waiting = nil
	}
}

// wait blocks while the backlog is over its bound, until stop is closed.
// Reader goroutines only.
func (b *backlog) wait(stop <-chan struct{}) {
	if b.limit <= 0 {
		return
	}
	for {
		b.mu.Lock()
		if b.total <= b.limit {
			b.mu.Unlock()
			return
		}
		if b.waiting == nil {
			b.waiting = make(chan struct{})
		}
		ch := b.waiting
		b.mu.Unlock()
		select {
		case <-ch:
		case <-stop:
			return
		}
	}
}
