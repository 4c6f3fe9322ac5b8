package jsloop

import (
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// timer is one pending setTimeout or setInterval.
type timer struct {
	id       int64
	deadline time.Time
	delay    time.Duration // scaled; an interval's period
	cb       goja.Callable
	args     []goja.Value
	interval bool
	cleared  bool // cleared while its callback ran
}

// kind is the function name used in warnings.
func (t *timer) kind() string {
	if t.interval {
		return "setInterval"
	}
	return "setTimeout"
}

// timerQueue holds a Loop's timers: one list sorted by deadline (FIFO for
// equal deadlines) and one Go timer armed for the head. While any timer is
// pending it holds one reservation on the loop. A due head is run by one
// macrotask (run), which then re-arms for the next head.
type timerQueue struct {
	l *Loop

	// Loop goroutine only.
	lastID  int64    // ids are never reused within a Loop
	pending []*timer // sorted by deadline
	current *timer   // the timer whose callback is running
	held    bool     // the reservation is held
	runTask func() error

	mu       sync.Mutex // guards the fields below, shared with Go timer goroutines
	gen      uint64     // bumped whenever the Go timer is disarmed or fires
	goTimer  *time.Timer
	armed    bool
	armedFor time.Time // the deadline goTimer is armed for
	posted   bool      // a run task is queued on the loop
	firedFor time.Time // the deadline of the Go timer that posted the run task
}

func (q *timerQueue) init(l *Loop) {
	q.l = l
	q.runTask = q.run
}

// add schedules cb after delay and returns its id. When Context() is
// already done (Run ending, or outside Run) the timer is dropped at once with
// the usual warning.
func (q *timerQueue) add(cb goja.Callable, delay time.Duration, args []goja.Value, interval bool) int64 {
	q.lastID++
	t := &timer{id: q.lastID, delay: delay, cb: cb, args: args, interval: interval}
	if q.l.ctx.Err() != nil {
		q.warnDropped(t)
		return t.id
	}
	t.deadline = q.l.now().Add(delay)
	q.insert(t)
	q.sync()
	return t.id
}

// insert puts t after every timer whose deadline is not after its own.
func (q *timerQueue) insert(t *timer) {
	i := sort.Search(len(q.pending), func(i int) bool { return q.pending[i].deadline.After(t.deadline) })
	q.pending = slices.Insert(q.pending, i, t)
}

// remove cancels timer id; unknown ids are ignored.
func (q *timerQueue) remove(id int64) {
	if q.current != nil && q.current.id == id {
		q.current.cleared = true
		return
	}
	for i, t := range q.pending {
		if t.id == id {
			q.pending = slices.Delete(q.pending, i, i+1)
			q.sync()
			return
		}
	}
}

// run is the macrotask that runs the head timer when it is due.
func (q *timerQueue) run() error {
	q.mu.Lock()
	q.posted = false
	firedFor := q.firedFor
	q.firedFor = time.Time{}
	q.mu.Unlock()

	if len(q.pending) == 0 {
		q.sync()
		return nil
	}
	head := q.pending[0]
	if head.deadline.After(q.l.now()) && head.deadline.After(firedFor) {
		q.sync() // woken early: re-arm
		return nil
	}
	q.pending = slices.Delete(q.pending, 0, 1)
	q.current = head
	_, err := head.cb(q.l.rt.GlobalObject(), head.args...)
	q.current = nil
	if head.interval && !head.cleared {
		if err != nil { // the run ends with err: the interval stops here
			q.warnDropped(head)
		} else {
			head.deadline = q.l.now().Add(head.delay)
			q.insert(head)
		}
	}
	q.sync()
	return err
}

// sync makes the reservation and the Go timer match the pending list: no
// timer pending, nothing held; a due head, a run task queued; otherwise the
// Go timer armed for the head.
func (q *timerQueue) sync() {
	if len(q.pending) == 0 {
		q.mu.Lock()
		q.disarmLocked()
		q.mu.Unlock()
		q.release()
		return
	}
	q.hold()
	head := q.pending[0]
	now := q.l.now()

	q.mu.Lock()
	defer q.mu.Unlock()
	if q.posted {
		return // run will sync again
	}
	if !head.deadline.After(now) {
		q.disarmLocked()
		q.posted = true
		q.l.post(q.runTask)
		return
	}
	if q.armed && q.armedFor.Equal(head.deadline) {
		return
	}
	q.disarmLocked()
	q.gen++
	gen, deadline := q.gen, head.deadline
	q.armed, q.armedFor = true, deadline
	q.goTimer = time.AfterFunc(deadline.Sub(now), func() { q.fire(gen, deadline) })
}

// fire runs on the Go timer's goroutine: it queues the run task unless the
// timer was disarmed meanwhile.
func (q *timerQueue) fire(gen uint64, deadline time.Time) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if gen != q.gen || !q.armed {
		return
	}
	q.gen++
	q.armed = false
	q.posted = true
	q.firedFor = deadline
	q.l.post(q.runTask) // the held reservation keeps Run alive until it runs
}

// disarmLocked stops the Go timer; a fire already started sees a new gen and
// does nothing. q.mu is held.
func (q *timerQueue) disarmLocked() {
	if q.armed {
		q.goTimer.Stop()
		q.armed = false
		q.gen++
	}
}

// dropAll discards every pending timer with a warning each; Run calls it
// when Context() ends.
func (q *timerQueue) dropAll() {
	q.mu.Lock()
	q.disarmLocked()
	q.mu.Unlock()
	for _, t := range q.pending {
		q.warnDropped(t)
	}
	clear(q.pending)
	q.pending = q.pending[:0]
	q.release()
}

func (q *timerQueue) warnDropped(t *timer) {
	q.l.warnf("%s %d was stopped because the VU iteration was interrupted", t.kind(), t.id)
}

func (q *timerQueue) hold() {
	if !q.held {
		q.held = true
		q.l.reserve(1)
	}
}

func (q *timerQueue) release() {
	if q.held {
		q.held = false
		q.l.reserve(-1)
	}
}
