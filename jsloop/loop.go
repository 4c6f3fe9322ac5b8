package jsloop

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// Loop is the event loop of one virtual user. One goroutine (the one calling
// Run) owns the goja.Runtime while Run executes; a Loop runs one Run at a
// time and may run many in sequence (init code, then iterations).
type Loop struct {
	rt    *goja.Runtime
	warnf func(format string, args ...any)
	now   func() time.Time
	scale float64

	mu       sync.Mutex     // guards queue, reserved, ctx
	queue    []func() error // macrotasks, FIFO
	reserved int            // reservations not yet released
	ctx      context.Context
	wake     chan struct{} // capacity 1: "queue or reserved changed"

	// Loop goroutine only.
	spare    []func() error  // storage reused by takeBatch
	running  bool            // inside Run, drain included
	turn     uint64          // macrotasks started, see Turn
	rejected []*goja.Promise // rejected without a handler, in order
	timers   timerQueue
}

// New makes a loop for rt. It does not install anything on rt's global
// object (see SetTimers); it sets rt's promise rejection tracker.
func New(rt *goja.Runtime, opts ...Option) *Loop {
	ended, cancel := context.WithCancelCause(context.Background())
	cancel(ErrRunEnded)
	l := &Loop{
		rt:    rt,
		warnf: discardWarnf,
		now:   time.Now,
		scale: 1,
		ctx:   ended,
		wake:  make(chan struct{}, 1),
	}
	for _, opt := range opts {
		opt(l)
	}
	l.timers.init(l)
	rt.SetPromiseRejectionTracker(l.trackRejection)
	return l
}

// Runtime returns the runtime the loop owns.
func (l *Loop) Runtime() *goja.Runtime { return l.rt }

// Context is the context of the current Run: it is cancelled when Run's phase
// of executing tasks ends (normally, by error, or because the ctx passed to
// Run ended). Reservation holders watch it and release their reservation when
// it is done. context.Cause tells why (ErrRunEnded, the task error, or ctx's
// cause). Outside Run it is the last Run's context, already done (before the
// first Run, a done context whose cause is ErrRunEnded). It is safe to call
// from any goroutine.
func (l *Loop) Context() context.Context {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ctx
}

// Turn counts the macrotasks the loop has started: reads within one task
// (and the promise jobs after it) agree, a read in any later task is
// greater. Code that must change what the script sees only between tasks
// compares turns. Call it on the loop goroutine.
func (l *Loop) Turn() uint64 { return l.turn }

// Run calls first and then every queued task, each as one macrotask with
// promise jobs drained after it, until nothing is queued or reserved. It
// returns the first task error (a *goja.Exception, a *RejectionError, a
// *goja.InterruptedError) or, when ctx ended first, an error wrapping ctx's
// cause and ctx.Err(); it interrupts running JS when ctx ends.
//
// Before returning it cancels Context() and waits until every reservation is
// released, running the released tasks and ignoring their errors. When ctx
// ended, JS stays interrupted during that drain and after Run returns (the
// next Run clears the interrupt). Pending timers are dropped, with a warning
// each, when Context() ends.
//
// first may be nil. Call Run on the goroutine that owns the runtime; Run is
// not reentrant. A panicking task propagates out of Run after Context() is
// cancelled and timers are stopped; do not reuse the Loop after that.
func (l *Loop) Run(ctx context.Context, first func() error) error {
	if l.running {
		panic("jsloop: Run called while the loop is running")
	}
	l.running = true
	defer func() { l.running = false }()

	l.rt.ClearInterrupt()
	clear(l.rejected)
	l.rejected = l.rejected[:0]
	runCtx, cancel := context.WithCancelCause(ctx)
	l.mu.Lock()
	l.ctx = runCtx
	l.mu.Unlock()

	interrupted := make(chan struct{})
	stopInterrupt := context.AfterFunc(ctx, func() {
		defer close(interrupted)
		l.rt.Interrupt(interruptedError(ctx))
	})

	finished := false
	defer func() {
		if !finished { // a task panicked: leave no interrupt or timer behind
			cancel(errTaskPanicked)
			stopInterrupt()
			l.timers.dropAll()
			l.mu.Lock()
			clear(l.queue)
			l.queue = l.queue[:0]
			l.mu.Unlock()
		}
	}()

	if first != nil {
		l.post(first)
	}
	err, byCtx := l.runTasks(ctx)

	if !stopInterrupt() {
		<-interrupted // the interrupt happened, or is happening now
		byCtx = byCtx || (err != nil && isInterrupt(err, ctx))
	}
	if byCtx {
		err = interruptedError(ctx)
	}
	cause := err
	if cause == nil {
		cause = ErrRunEnded
	}
	cancel(cause)
	l.timers.dropAll()
	l.drain(ctx, ctx.Err() != nil)
	finished = true
	return err
}

// runTasks is the batch algorithm: run the whole queue, check rejections,
// repeat; wait when only reservations remain. byCtx reports that it stopped
// because ctx ended.
func (l *Loop) runTasks(ctx context.Context) (err error, byCtx bool) {
	done := ctx.Done()
	for {
		if ctx.Err() != nil {
			return nil, true
		}
		batch, reserved := l.takeBatch()
		if len(batch) == 0 {
			l.giveBack(batch, nil)
			if !reserved {
				return nil, false
			}
			select {
			case <-l.wake:
			case <-done:
			}
			continue
		}
		for i, task := range batch {
			l.turn++
			if err := task(); err != nil {
				l.giveBack(batch, batch[i+1:])
				return err, ctx.Err() != nil && isInterrupt(err, ctx)
			}
			if ctx.Err() != nil {
				l.giveBack(batch, batch[i+1:])
				return nil, true
			}
		}
		l.giveBack(batch, nil)
		if err := l.unhandledRejection(); err != nil {
			return err, false
		}
	}
}

// drain waits until every reservation is released, running the tasks queued
// meanwhile and ignoring their errors. When interrupted, every JS call made by
// those tasks fails at once, and the runtime stays interrupted afterwards.
func (l *Loop) drain(ctx context.Context, interrupted bool) {
	var reason error
	if interrupted {
		reason = interruptedError(ctx)
	}
	for {
		batch, reserved := l.takeBatch()
		if len(batch) == 0 {
			l.giveBack(batch, nil)
			if !reserved {
				break
			}
			<-l.wake
			continue
		}
		for _, task := range batch {
			l.turn++
			if interrupted {
				l.rt.Interrupt(reason) // a task's JS call consumes it
			}
			_ = task()
		}
		l.giveBack(batch, nil)
	}
	if interrupted {
		l.rt.Interrupt(reason)
	}
}

// isInterrupt reports whether err is the consequence of ctx ending: goja's
// interrupt, or ctx's own error or cause returned by Go code.
func isInterrupt(err error, ctx context.Context) bool {
	var ie *goja.InterruptedError
	return errors.As(err, &ie) || errors.Is(err, ctx.Err()) || errors.Is(err, context.Cause(ctx))
}
