package jsloop

import "sync/atomic"

// The macrotask queue and the reservation count live in Loop, guarded by
// Loop.mu; this file holds the operations on them.

// RegisterCallback reserves a slot in the loop. Call it on the loop goroutine
// while Run executes (from JS-called Go code or a task); it panics otherwise
// only when no Run is in progress.
//
// The returned enqueue is goroutine-safe and must be called exactly once: it
// queues f as a macrotask and releases the reservation; f may be nil to only
// release it. Calling enqueue twice panics. Until every reservation is
// released, Run does not return. A holder must therefore watch Context() and
// release its reservation (with a no-op, or nil) when that context ends, even
// if Run's own ctx ended: Run waits for it before returning.
//
// f runs on the loop goroutine; its error ends Run (unless Run is already
// ending, then it is ignored).
func (l *Loop) RegisterCallback() (enqueue func(func() error)) {
	if !l.running {
		panic("jsloop: RegisterCallback called outside Run")
	}
	l.mu.Lock()
	l.reserved++
	l.mu.Unlock()
	var called atomic.Bool
	return func(f func() error) {
		if called.Swap(true) {
			panic("jsloop: enqueue called twice for one RegisterCallback reservation")
		}
		l.release(f)
	}
}

// Reservation is a RegisterCallback that can be taken again and again
// without allocating, for a holder that reserves the loop anew after every
// task it queues (a WebSocket, for its whole life). The zero value is
// ready; one holder uses it, and holds it at most once at a time.
type Reservation struct {
	loop *Loop
	held atomic.Bool
}

// Reserve holds r on l, as RegisterCallback does, with the same rules: on
// the loop goroutine while Run executes. It panics if r is already held.
func (l *Loop) Reserve(r *Reservation) {
	if !l.running {
		panic("jsloop: Reserve called outside Run")
	}
	if r.held.Swap(true) {
		panic("jsloop: Reserve called on a Reservation already held")
	}
	r.loop = l
	l.reserve(1)
}

// Enqueue queues f as a macrotask (f may be nil) and releases r, like the
// enqueue function of RegisterCallback. It is goroutine-safe and panics if
// r is not held.
func (r *Reservation) Enqueue(f func() error) {
	l := r.loop // read before the release: a new Reserve may follow it
	if !r.held.Swap(false) {
		panic("jsloop: Enqueue called on a Reservation not held")
	}
	l.release(f)
}

// release queues f (if not nil) and gives back one reservation.
func (l *Loop) release(f func() error) {
	l.mu.Lock()
	if f != nil {
		l.queue = append(l.queue, f)
	}
	l.reserved--
	l.mu.Unlock()
	l.signal()
}

// post queues f without a reservation; the caller makes sure Run is in
// progress and does not return before f is queued (a held reservation, or
// the loop goroutine itself).
func (l *Loop) post(f func() error) {
	l.mu.Lock()
	l.queue = append(l.queue, f)
	l.mu.Unlock()
	l.signal()
}

// signal wakes the loop if it waits; it never blocks.
func (l *Loop) signal() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// reserve adds n (+1 or -1) to the reservation count (loop goroutine).
func (l *Loop) reserve(n int) {
	l.mu.Lock()
	l.reserved += n
	l.mu.Unlock()
}

// takeBatch swaps the queue out and reports whether reservations are held.
// The returned slice belongs to the loop goroutine until giveBack.
func (l *Loop) takeBatch() (batch []func() error, reserved bool) {
	l.mu.Lock()
	batch, l.queue = l.queue, l.spare
	reserved = l.reserved > 0
	l.mu.Unlock()
	l.spare = nil
	return batch, reserved
}

// giveBack keeps batch's storage for the next swap, putting rest (the tasks
// not run) back at the front of the queue.
func (l *Loop) giveBack(batch, rest []func() error) {
	if len(rest) > 0 {
		l.mu.Lock()
		l.queue = append(append(make([]func() error, 0, len(rest)+len(l.queue)), rest...), l.queue...)
		l.mu.Unlock()
	}
	clear(batch)
	l.spare = batch[:0]
}
