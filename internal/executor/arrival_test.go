package executor_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

// dueCount is how many iterations the scenario makes due.
func dueCount(sc *options.Scenario) int64 {
	var n int64
	for {
		if _, ok := executor.Arrival(sc, n); !ok {
			return n
		}
		n++
	}
}

func TestConstantArrivalRateHoldsTheRate(t *testing.T) {
	sc := constantRate(20, 100*ms, 500*ms) // 100 due, 2 VUs ready, up to 5
	var busySlots [5]atomic.Bool
	var dropped atomic.Int64
	s := executor.Settings{Dropped: func(time.Time) { dropped.Add(1) }}
	e, calls := runScenario(t, context.Background(), sc, s, func(ctx context.Context, it executor.Iteration) {
		if busySlots[it.Slot].Swap(true) {
			t.Errorf("slot %d runs two iterations at once", it.Slot)
		}
		busy(ms)(ctx, it)
		busySlots[it.Slot].Store(false)
	})
	total := int64(len(calls)) + e.Dropped()
	// Every iteration due before the end starts or is dropped, even when a
	// loaded machine wakes the scheduler late (gracefulStop is 30s).
	if total != 100 || len(calls) == 0 {
		t.Errorf("%d iterations and %d dropped, want 100 due in all", len(calls), e.Dropped())
	}
	if dropped.Load() != e.Dropped() {
		t.Errorf("Dropped called %d times, Dropped() = %d", dropped.Load(), e.Dropped())
	}
	for _, c := range calls {
		if c.it.Slot < 0 || c.it.Slot >= 5 || c.elapsed >= 500*ms {
			t.Errorf("iteration on slot %d at %v", c.it.Slot, c.elapsed)
		}
	}
	if e.VUs() < 2 || e.VUs() > 5 || e.Progress() != 1 {
		t.Errorf("%d VUs, progress %v after the run", e.VUs(), e.Progress())
	}
}

func TestArrivalRateDropsWhenNoVUIsFree(t *testing.T) {
	sc := constantRate(20, 100*ms, 500*ms)
	sc.PreAllocatedVUs, sc.MaxVUs, sc.GracefulStop = i64(1), i64(3), dur(0)
	var added []int
	var mu sync.Mutex
	var warnings atomic.Int64
	s := executor.Settings{
		AddVU: func(_ context.Context, slot int) error {
			mu.Lock()
			added = append(added, slot)
			mu.Unlock()
			return nil
		},
		Warn: func(string) { warnings.Add(1) },
	}
	e := executor.New(sc, s)
	if e.VUs() != 1 {
		t.Errorf("%d VUs before the start, want preAllocatedVUs", e.VUs())
	}
	_, calls := runScenario(t, context.Background(), sc, s, func(ctx context.Context, _ executor.Iteration) {
		<-ctx.Done() // never frees its VU
	})
	// Every VU is taken for good: one iteration per VU made in time (all
	// 3 but on a machine too loaded to make them within 500ms), the rest
	// are dropped.
	if len(calls) < 1 || len(calls) > 3 {
		t.Errorf("%d iterations, want one per VU up to maxVUs", len(calls))
	}
	for _, c := range calls {
		if !errors.Is(c.ctxErr, context.DeadlineExceeded) {
			t.Errorf("iteration ended with %v, want the hard end", c.ctxErr)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(added) != 2 || added[0]+added[1] != 3 {
		t.Errorf("AddVU called for %v, want slots 1 and 2", added)
	}
	if warnings.Load() != 1 {
		t.Errorf("%d warnings, want one once maxVUs is reached", warnings.Load())
	}
}

func TestArrivalRateDropsForGoodWhenAVUCannotBeMade(t *testing.T) {
	sc := constantRate(20, 100*ms, 300*ms)
	sc.PreAllocatedVUs, sc.MaxVUs, sc.GracefulStop = i64(1), i64(3), dur(0)
	var asked atomic.Int64
	s := executor.Settings{AddVU: func(context.Context, int) error { asked.Add(1); return errors.New("init failed") }}
	e := executor.New(sc, s)
	var calls atomic.Int64
	e.Run(context.Background(), func(ctx context.Context, _ executor.Iteration) {
		calls.Add(1)
		<-ctx.Done()
	})
	if calls.Load() != 1 || asked.Load() != 2 || e.VUs() != 1 {
		t.Errorf("%d iterations, AddVU asked %d times, %d VUs; want 1, 2, 1", calls.Load(), asked.Load(), e.VUs())
	}
	if d := e.Dropped(); d < 2 || d > 59 {
		t.Errorf("%d dropped, want all but one of the 60 due", d)
	}
}

func TestRampingArrivalRateFollowsItsStages(t *testing.T) {
	// 0 to 40 per 100ms over 200ms, then down to 0 over 100ms: 40 + 20 due.
	sc := rampingRate(0, 100*ms, stage(200*ms, 40), stage(100*ms, 0))
	sc.MaxVUs = i64(4)
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, busy(ms))
	want := dueCount(sc)
	if want != 59 {
		t.Fatalf("%d due, want 59", want)
	}
	if total := int64(len(calls)) + e.Dropped(); total != want {
		t.Errorf("%d iterations and %d dropped, want %d due", len(calls), e.Dropped(), want)
	}
	var early int
	for _, c := range calls {
		if c.elapsed < 100*ms {
			early++
		}
	}
	// The rate doubles over the first 200ms: a quarter of the first 40
	// falls in its first half. Iterations may start late, never early.
	if early > 10 {
		t.Errorf("%d iterations in the first 100ms, want at most 10", early)
	}
}

func TestArrivalRateStopsWithTheRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	sc := constantRate(1, 10*ms, time.Hour)
	var n atomic.Int64
	_, calls := runScenario(t, ctx, sc, executor.Settings{}, func(context.Context, executor.Iteration) {
		if n.Add(1) == 3 {
			cancel()
		}
	})
	if len(calls) < 3 || len(calls) > 4 {
		t.Errorf("%d iterations, want the run to stop after the cancel", len(calls))
	}
}
