package ws

import (
	"time"

	"github.com/dop251/goja"
)

// timer is one socket setTimeout or setInterval.
type timer struct {
	due    time.Time
	seq    uint64 // creation order, the tie-break of equal due times
	fn     goja.Callable
	period time.Duration // 0 for a timeout
}

// timers are a socket's pending timers, ordered by (due, seq). They belong
// to the loop goroutine; the socket's close drops them.
type timers struct {
	list  []*timer
	seq   uint64
	scale float64 // the run's time scale (1 or 0 = real time)
}

// scaled applies the time scale to a delay.
func (t *timers) scaled(d time.Duration) time.Duration {
	if t.scale > 0 && t.scale < 1 {
		if s := time.Duration(float64(d) * t.scale); s > 0 {
			return s
		}
		return 1
	}
	return d
}

// add schedules fn after d, again every d when repeat.
func (t *timers) add(fn goja.Callable, d time.Duration, repeat bool) {
	d = t.scaled(d)
	tm := &timer{due: time.Now().Add(d), seq: t.seq, fn: fn}
	t.seq++
	if repeat {
		tm.period = d
	}
	t.insert(tm)
}

// insert puts tm in its place.
func (t *timers) insert(tm *timer) {
	i := len(t.list)
	for i > 0 && tm.before(t.list[i-1]) {
		i--
	}
	t.list = append(t.list, nil)
	copy(t.list[i+1:], t.list[i:])
	t.list[i] = tm
}

func (a *timer) before(b *timer) bool {
	return a.due.Before(b.due) || (a.due.Equal(b.due) && a.seq < b.seq)
}

// next returns how long until the first timer is due.
func (t *timers) next() (time.Duration, bool) {
	if len(t.list) == 0 {
		return 0, false
	}
	return time.Until(t.list[0].due), true
}

// pop removes and returns the first timer if it is due at now.
func (t *timers) pop(now time.Time) *timer {
	if len(t.list) == 0 || t.list[0].due.After(now) {
		return nil
	}
	tm := t.list[0]
	t.list = t.list[1:]
	return tm
}

// rearm puts an interval back after it ran: at its next tick, or at once
// when that tick has passed already. Missed ticks are dropped, never
// queued (a slow callback gets no burst).
func (t *timers) rearm(tm *timer) {
	next := tm.due.Add(tm.period)
	if now := time.Now(); next.Before(now) {
		next = now
	}
	tm.due = next
	t.insert(tm)
}
