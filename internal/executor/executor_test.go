package executor_test

import (
	"context"
	"errors"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

// call is one Iterate call as the test saw it.
type call struct {
	it      executor.Iteration
	elapsed time.Duration // from the scenario's start to the iteration's
	ctxErr  error         // ctx.Err() when the iteration returned
}

// recorder is an Iterate that records its calls; work runs inside each.
type recorder struct {
	e     *executor.Executor
	work  func(ctx context.Context, it executor.Iteration)
	mu    sync.Mutex
	calls []call
}

func (r *recorder) iterate(ctx context.Context, it executor.Iteration) {
	elapsed := it.Start.Sub(r.e.Start())
	if r.work != nil {
		r.work(ctx, it)
	}
	r.mu.Lock()
	r.calls = append(r.calls, call{it: it, elapsed: elapsed, ctxErr: ctx.Err()})
	r.mu.Unlock()
}

func runScenario(t *testing.T, ctx context.Context, sc *options.Scenario, s executor.Settings, work func(context.Context, executor.Iteration)) (*executor.Executor, []call) {
	t.Helper()
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	r := &recorder{e: executor.New(sc, s), work: work}
	r.e.Run(ctx, r.iterate)
	return r.e, r.calls
}

// busy simulates an iteration's work.
func busy(d time.Duration) func(context.Context, executor.Iteration) {
	return func(ctx context.Context, _ executor.Iteration) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
}

func TestSharedIterationsRunExactlyTheTotal(t *testing.T) {
	sc := &options.Scenario{Name: "s", Executor: options.SharedIterations, VUs: i64(3), Iterations: i64(10)}
	e := executor.New(sc, executor.Settings{})
	if e.Progress() != 0 {
		t.Errorf("progress before the start: %v", e.Progress())
	}
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, busy(ms))
	if len(calls) != 10 {
		t.Fatalf("%d iterations, want 10", len(calls))
	}
	var numbers []int
	for _, c := range calls {
		numbers = append(numbers, int(c.it.InTest))
		if c.it.Slot < 0 || c.it.Slot >= 3 {
			t.Errorf("slot %d out of [0, 3)", c.it.Slot)
		}
	}
	sort.Ints(numbers)
	for i, n := range numbers {
		if n != i {
			t.Fatalf("InTest numbers %v, want 0..9 once each", numbers)
		}
	}
	if e.Progress() != 1 || e.NextIterationInTest() != 10 {
		t.Errorf("progress %v, next %d after the run", e.Progress(), e.NextIterationInTest())
	}
}

func TestPerVUIterationsRunTheCountOnEverySlot(t *testing.T) {
	sc := &options.Scenario{Name: "p", Executor: options.PerVUIterations, VUs: i64(3), Iterations: i64(4)}
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, nil)
	per := map[int]int{}
	for _, c := range calls {
		per[c.it.Slot]++
	}
	if len(per) != 3 || per[0] != 4 || per[1] != 4 || per[2] != 4 {
		t.Errorf("iterations per slot %v, want 4 on each of 3", per)
	}
	if e.Progress() != 1 {
		t.Errorf("progress %v", e.Progress())
	}
}

func TestNothingStartsAfterTheSoftEnd(t *testing.T) {
	tests := []*options.Scenario{
		{Name: "c", Executor: options.ConstantVUs, VUs: i64(2), Duration: dur(30 * ms)},
		{Name: "s", Executor: options.SharedIterations, VUs: i64(2), Iterations: i64(1_000_000), MaxDuration: dur(30 * ms)},
		{Name: "p", Executor: options.PerVUIterations, VUs: i64(2), Iterations: i64(1_000_000), MaxDuration: dur(30 * ms)},
		{Name: "r", Executor: options.RampingVUs, Stages: stages(stage(30*ms, 2))},
	}
	for _, sc := range tests {
		t.Run(sc.Executor, func(t *testing.T) {
			e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, busy(2*ms))
			for _, c := range calls {
				if c.elapsed >= 30*ms {
					t.Fatalf("an iteration started %v after the start of a 30ms scenario", c.elapsed)
				}
			}
			if e.Progress() != 1 && sc.Executor != options.SharedIterations && sc.Executor != options.PerVUIterations {
				t.Errorf("progress %v after the end", e.Progress())
			}
		})
	}
}

func TestTheHardEndCancelsTheIteration(t *testing.T) {
	sc := &options.Scenario{Name: "c", Executor: options.ConstantVUs, VUs: i64(2),
		Duration: dur(100 * ms), GracefulStop: dur(10 * ms)}
	var deadlines sync.Map
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, func(ctx context.Context, it executor.Iteration) {
		d, _ := ctx.Deadline()
		deadlines.Store(it.Slot, d)
		<-ctx.Done() // an iteration that never ends by itself
	})
	if len(calls) == 0 || len(calls) > 2 {
		t.Fatalf("%d iterations, want at most one per VU", len(calls))
	}
	for _, c := range calls {
		if !errors.Is(c.ctxErr, context.DeadlineExceeded) {
			t.Errorf("slot %d: ctx ended with %v", c.it.Slot, c.ctxErr)
		}
		d, _ := deadlines.Load(c.it.Slot)
		if want := e.Start().Add(110 * ms); !d.(time.Time).Equal(want) {
			t.Errorf("deadline %v, want start+duration+gracefulStop = %v", d, want)
		}
	}
}

func TestCancellingTheRunStopsNewIterations(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sc := &options.Scenario{Name: "s", Executor: options.SharedIterations, VUs: i64(1), Iterations: i64(100)}
	_, calls := runScenario(t, ctx, sc, executor.Settings{}, func(_ context.Context, it executor.Iteration) {
		if it.InTest == 2 {
			cancel()
		}
	})
	if len(calls) != 3 {
		t.Errorf("%d iterations, want 3: none after the cancel", len(calls))
	}
}

func TestStartTime(t *testing.T) {
	before := time.Now()
	sc := &options.Scenario{Name: "p", Executor: options.PerVUIterations, StartTime: options.Duration(20 * ms)}
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, nil)
	if len(calls) != 1 || e.Start().Sub(before) < 20*ms {
		t.Errorf("%d calls, started %v after Run", len(calls), e.Start().Sub(before))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*ms)
	defer cancel()
	sc = &options.Scenario{Name: "late", Executor: options.PerVUIterations, StartTime: options.Duration(time.Hour)}
	e, calls = runScenario(t, ctx, sc, executor.Settings{}, nil)
	if len(calls) != 0 || !e.Start().IsZero() || e.Progress() != 0 {
		t.Errorf("a scenario ended during its startTime ran %d iterations, start %v", len(calls), e.Start())
	}
}

func TestMinIterationDurationPacesEachVU(t *testing.T) {
	sc := &options.Scenario{Name: "p", Executor: options.PerVUIterations, VUs: i64(2), Iterations: i64(3)}
	_, calls := runScenario(t, context.Background(), sc, executor.Settings{MinIterationDuration: 15 * ms}, nil)
	last := map[int]time.Duration{}
	for _, c := range calls { // calls of one slot are recorded in order
		if prev, ok := last[c.it.Slot]; ok && c.elapsed-prev < 15*ms {
			t.Errorf("slot %d: iterations %v apart, want at least 15ms", c.it.Slot, c.elapsed-prev)
		}
		last[c.it.Slot] = c.elapsed
	}
	if len(calls) != 6 {
		t.Errorf("%d iterations, want 6", len(calls))
	}
}

func TestRampingVUsStartOnlyOnceActive(t *testing.T) {
	sc := &options.Scenario{Name: "r", Executor: options.RampingVUs, StartVUs: i64(0),
		Stages: stages(stage(40*ms, 3), stage(20*ms, 0))}
	_, calls := runScenario(t, context.Background(), sc, executor.Settings{}, busy(ms))
	for _, c := range calls {
		first, ok := executor.NextActivation(sc, int64(c.it.Slot), 0)
		if !ok || c.elapsed < first {
			t.Errorf("slot %d iterated at %v, before its activation at %v", c.it.Slot, c.elapsed, first)
		}
		if c.elapsed >= 60*ms {
			t.Errorf("slot %d iterated at %v, after the stages", c.it.Slot, c.elapsed)
		}
	}
}
