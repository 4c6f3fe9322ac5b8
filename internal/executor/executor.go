package executor

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// Iteration is what the executor tells Iterate about the iteration to run.
type Iteration struct {
	// Slot is the VU slot, in [0, MaxVUs).
	Slot int
	// InTest numbers the scenario's iterations from 0 in the order they
	// start, across its VUs (k6/execution's scenario.iterationInTest).
	InTest int64
	// Start is when the executor decided to start the iteration: before
	// the scenario's soft end, and for ramping-vus at a time the slot was
	// active. For the arrival-rate executors it is when the iteration was
	// due; it may start a little later.
	Start time.Time
}

// Iterate runs one iteration on a VU slot and returns when it is over. ctx
// ends at the scenario's hard end (gracefulStop after its soft end), for
// ramping-vus gracefulRampDown after the slot is ramped down, or when the
// run's context ends; an iteration still running then is interrupted.
// Calls for one slot never overlap; calls for different slots run
// concurrently.
type Iterate func(ctx context.Context, it Iteration)

// Settings are the run-wide options that shape a schedule.
type Settings struct {
	// MinIterationDuration is the least time between the starts of two
	// iterations of one VU (k6's minIterationDuration); after an
	// iteration that was not interrupted, the VU waits out the rest.
	MinIterationDuration time.Duration
	// Started is called once at the scenario's startTime, before its first
	// iteration: the VUs of the slots below InitialVUs must be ready when
	// it returns. On an error the scenario runs no iteration. Nil means
	// they are ready from the start.
	Started func(ctx context.Context) error
	// AddVU makes the VU of a slot from InitialVUs up to MaxVUs ready. The
	// arrival-rate executors call it during the run, in a goroutine of its
	// own and once per slot, when an iteration was dropped for want of a
	// free VU; the slot joins the pool when it returns nil, and later
	// iterations may run on it. Nil means every slot is ready from the start.
	AddVU func(ctx context.Context, slot int) error
	// Dropped is called, from the executor's goroutine, for every iteration
	// an arrival-rate executor drops (no free VU when it was due), with the
	// time it was due.
	Dropped func(at time.Time)
	// Warn receives the executor's warnings, such as an arrival-rate
	// scenario that reached maxVUs and drops iterations.
	Warn func(msg string)
}

// Executor runs one scenario. Its methods are safe to call from any
// goroutine, also while Run runs.
type Executor struct {
	cfg      *options.Scenario
	settings Settings

	launched    atomic.Pointer[time.Time] // set when Run is called
	start       atomic.Pointer[time.Time] // set when the scenario starts
	end         atomic.Pointer[time.Time] // set when a started Run returns
	interrupted atomic.Bool               // Run returned because its ctx ended
	next        atomic.Int64              // InTest of the next iteration
	done        atomic.Int64              // iterations that returned
	activated   atomic.Int64              // ramping-vus slots the stages hold

	dropped   atomic.Int64 // arrival-rate iterations dropped
	allocated atomic.Int64 // arrival-rate VU slots ready
	due       atomic.Int64 // arrival-rate: number of the iteration due next
}

// New returns an executor for the scenario sc, which must be valid
// (options.Scenario.Validate). It does not copy sc: do not change it.
func New(sc *options.Scenario, s Settings) *Executor {
	e := &Executor{cfg: sc, settings: s}
	e.allocated.Store(int64(InitialVUs(sc)))
	return e
}

// Scenario returns the scenario the executor runs.
func (e *Executor) Scenario() *options.Scenario { return e.cfg }

// Start returns when the scenario started (after its startTime), or the
// zero time before it has.
func (e *Executor) Start() time.Time { return loadTime(&e.start) }

// Launched returns when Run was called, from which the scenario waits for
// its startTime, or the zero time before it was.
func (e *Executor) Launched() time.Time { return loadTime(&e.launched) }

// End returns when Run returned after the scenario started, or the zero
// time before it has.
func (e *Executor) End() time.Time { return loadTime(&e.end) }

// Interrupted reports whether Run returned because its ctx ended (the run
// was stopped), not at the scenario's own end.
func (e *Executor) Interrupted() bool { return e.interrupted.Load() }

// Activated is how many VU slots the executor holds active now: for
// ramping-vus those its stages have started and not yet released (one
// finishing an iteration after a ramp-down still counts), for the others
// VUs.
func (e *Executor) Activated() int64 {
	if e.cfg.Executor == options.RampingVUs {
		return e.activated.Load()
	}
	return e.VUs()
}

// loadTime is the time p holds, or the zero time.
func loadTime(p *atomic.Pointer[time.Time]) time.Time {
	if t := p.Load(); t != nil {
		return *t
	}
	return time.Time{}
}

// IterationsDone counts the iterations that have returned.
func (e *Executor) IterationsDone() int64 { return e.done.Load() }

// NextIterationInTest is the InTest number the next iteration will get.
func (e *Executor) NextIterationInTest() int64 { return e.next.Load() }

// Dropped is how many iterations the arrival-rate executor has dropped so
// far because no VU was free when they were due (dropped_iterations).
func (e *Executor) Dropped() int64 { return e.dropped.Load() }

// VUs is how many VU slots the scenario has ready: MaxVUs, or for the
// arrival-rate executors preAllocatedVUs plus those made during the run.
func (e *Executor) VUs() int64 {
	if e.cfg.IsArrivalRate() {
		return e.allocated.Load()
	}
	return int64(MaxVUs(e.cfg))
}

// Progress is the scenario's progress in [0, 1]: for the iteration-based
// executors the share of iterations done, for the others the share of
// TotalDuration elapsed (until End once it has ended). It is 0 before the
// scenario starts.
func (e *Executor) Progress() float64 {
	start := e.Start()
	if start.IsZero() {
		return 0
	}
	now := e.End()
	if now.IsZero() {
		now = time.Now()
	}
	var p float64
	switch e.cfg.Executor {
	case options.SharedIterations, options.PerVUIterations:
		total := e.cfg.IterationCount()
		if e.cfg.Executor == options.PerVUIterations {
			total *= int64(MaxVUs(e.cfg))
		}
		if total <= 0 {
			return 1
		}
		p = float64(e.done.Load()) / float64(total)
	default:
		total := TotalDuration(e.cfg)
		if total <= 0 {
			return 1
		}
		p = float64(now.Sub(start)) / float64(total)
	}
	return min(max(p, 0), 1)
}

// Run waits for the scenario's startTime, then calls iterate on every VU
// slot as the executor says, and returns once every iteration has returned.
// It returns early, without starting the scenario, if ctx ends during
// startTime. Run is called once.
func (e *Executor) Run(ctx context.Context, iterate Iterate) {
	launched := time.Now()
	e.launched.Store(&launched)
	defer func() { e.interrupted.Store(ctx.Err() != nil) }()
	if !sleep(ctx, time.Duration(e.cfg.StartTime)) {
		return
	}
	if e.settings.Started != nil && e.settings.Started(ctx) != nil {
		return
	}
	start := time.Now()
	e.start.Store(&start)
	defer func() {
		end := time.Now()
		e.end.Store(&end)
	}()
	r := &run{
		Executor: e,
		iterate:  iterate,
		soft:     start.Add(TotalDuration(e.cfg)),
	}
	hard, cancel := context.WithDeadline(ctx, r.soft.Add(e.cfg.GracefulStopDuration()))
	defer cancel()
	r.hard = hard
	if e.cfg.IsArrivalRate() {
		r.arrivals()
		return
	}
	var wg sync.WaitGroup
	for slot := range MaxVUs(e.cfg) {
		wg.Go(func() { r.slot(slot) })
	}
	wg.Wait()
}

// run is one Run in progress.
type run struct {
	*Executor
	iterate Iterate
	soft    time.Time       // no iteration starts from then on
	hard    context.Context // ends gracefulStop after soft
	shared  atomic.Int64    // shared-iterations: iterations claimed
}

// slot drives one VU slot by the scenario's executor.
func (r *run) slot(slot int) {
	switch r.cfg.Executor {
	case options.SharedIterations:
		for {
			now, ok := r.canStart()
			if !ok || r.shared.Add(1) > r.cfg.IterationCount() {
				return
			}
			r.once(slot, now)
		}
	case options.PerVUIterations:
		for range r.cfg.IterationCount() {
			now, ok := r.canStart()
			if !ok {
				return
			}
			r.once(slot, now)
		}
	case options.ConstantVUs:
		for {
			now, ok := r.canStart()
			if !ok {
				return
			}
			r.once(slot, now)
		}
	case options.RampingVUs:
		r.ramp(slot)
	}
}

// ramp iterates while the stages' target is above slot and waits while
// it is not. An iteration running when the target drops gets
// gracefulRampDown to finish (up to the hard end), then its ctx ends.
func (r *run) ramp(slot int) {
	start := r.Start()
	active := false // counted in activated
	setActive := func(on bool) {
		switch {
		case on && !active:
			r.activated.Add(1)
		case !on && active:
			r.activated.Add(-1)
		}
		active = on
	}
	defer setActive(false)
	for {
		now, ok := r.canStart()
		if !ok {
			return
		}
		elapsed := now.Sub(start)
		if Target(r.cfg, elapsed) > int64(slot) {
			setActive(true)
			ctx, cancel := r.hard, context.CancelFunc(func() {})
			if stop, ok := RampDownStop(r.cfg, int64(slot), elapsed); ok {
				ctx, cancel = context.WithDeadline(r.hard, start.Add(stop))
			}
			r.onceIn(ctx, slot, now)
			cancel()
			continue
		}
		setActive(false)
		next, ok := NextActivation(r.cfg, int64(slot), elapsed)
		if !ok {
			return
		}
		sleep(r.hard, time.Until(start.Add(next)))
	}
}

// canStart reports whether a new iteration may begin now, and the time
// it decided at.
func (r *run) canStart() (time.Time, bool) {
	now := time.Now()
	return now, r.hard.Err() == nil && now.Before(r.soft)
}

// once runs one iteration on slot, started at now, then paces it.
func (r *run) once(slot int, now time.Time) { r.onceIn(r.hard, slot, now) }

// onceIn is once under ctx, which ends no later than the hard end.
func (r *run) onceIn(ctx context.Context, slot int, now time.Time) {
	r.iterate(ctx, Iteration{Slot: slot, InTest: r.next.Add(1) - 1, Start: now})
	r.done.Add(1)
	if least := r.settings.MinIterationDuration; least > 0 && ctx.Err() == nil {
		sleep(ctx, time.Until(now.Add(least)))
	}
}

// sleep waits for d or until ctx ends; it reports whether d passed with
// ctx still going.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
