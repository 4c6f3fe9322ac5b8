package executor_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

func TestLaunchedStartAndEndFrameTheScenario(t *testing.T) {
	sc := &options.Scenario{Name: "p", Executor: options.PerVUIterations, StartTime: options.Duration(10 * ms)}
	e := executor.New(sc, executor.Settings{})
	if !e.Launched().IsZero() || !e.End().IsZero() {
		t.Fatalf("launched %v, ended %v before Run", e.Launched(), e.End())
	}
	e, _ = runScenario(t, context.Background(), sc, executor.Settings{}, busy(5*ms))
	if e.Start().Sub(e.Launched()) < 10*ms || e.End().Sub(e.Start()) < 5*ms || e.Interrupted() {
		t.Errorf("launched %v, started %v, ended %v, interrupted %v", e.Launched(), e.Start(), e.End(), e.Interrupted())
	}
}

func TestAScenarioStoppedWithTheRunIsInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sc := &options.Scenario{Name: "c", Executor: options.ConstantVUs, VUs: i64(1), Duration: dur(time.Hour)}
	e, _ := runScenario(t, ctx, sc, executor.Settings{}, func(context.Context, executor.Iteration) { cancel() })
	if !e.Interrupted() || e.End().IsZero() {
		t.Errorf("interrupted %v, ended %v", e.Interrupted(), e.End())
	}
	// The progress stops at the end, as k6 freezes the bar.
	if p := e.Progress(); p > 0.01 || p != e.Progress() {
		t.Errorf("progress %v after the end, want it frozen near 0", p)
	}

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	sc = &options.Scenario{Name: "late", Executor: options.PerVUIterations, StartTime: options.Duration(time.Hour)}
	e, _ = runScenario(t, ctx, sc, executor.Settings{}, nil)
	if !e.Interrupted() || e.Launched().IsZero() || !e.Start().IsZero() || !e.End().IsZero() {
		t.Errorf("stopped during startTime: interrupted %v, launched %v, started %v, ended %v",
			e.Interrupted(), e.Launched(), e.Start(), e.End())
	}
}

// TestRampingVUsCountTheSlotsTheirStagesHold: a slot is activated when the
// stages reach it and released once its iteration after a ramp-down is over.
func TestRampingVUsCountTheSlotsTheirStagesHold(t *testing.T) {
	sc := &options.Scenario{Name: "r", Executor: options.RampingVUs, StartVUs: i64(2),
		Stages: stages(stage(30*ms, 2), stage(ms, 0), stage(30*ms, 0))}
	var mu sync.Mutex
	var seen []int64
	var e *executor.Executor
	e, _ = runScenarioWith(t, sc, func(ex *executor.Executor) func(context.Context, executor.Iteration) {
		return func(ctx context.Context, it executor.Iteration) {
			mu.Lock()
			seen = append(seen, ex.Activated())
			mu.Unlock()
			busy(2*ms)(ctx, it)
		}
	})
	for _, n := range seen {
		if n < 1 || n > 2 {
			t.Errorf("%d activated during an iteration, want 1 or 2", n)
		}
	}
	if len(seen) == 0 || e.Activated() != 0 {
		t.Errorf("%d iterations, %d activated at the end, want 0", len(seen), e.Activated())
	}
	other := executor.New(&options.Scenario{Name: "c", Executor: options.ConstantVUs, VUs: i64(3), Duration: dur(ms)}, executor.Settings{})
	if other.Activated() != 3 {
		t.Errorf("constant-vus: %d activated, want its VUs, 3", other.Activated())
	}
}

// runScenarioWith is runScenario whose work may look at the executor.
func runScenarioWith(t *testing.T, sc *options.Scenario, work func(*executor.Executor) func(context.Context, executor.Iteration)) (*executor.Executor, []call) {
	t.Helper()
	if err := sc.Validate(); err != nil {
		t.Fatal(err)
	}
	r := &recorder{e: executor.New(sc, executor.Settings{})}
	r.work = work(r.e)
	r.e.Run(context.Background(), r.iterate)
	return r.e, r.calls
}

func TestRatePerSecondIsWhatK6Shows(t *testing.T) {
	if got := executor.New(constantRate(20, 100*ms, 50*ms), executor.Settings{}).RatePerSecond(); got != 200 {
		t.Errorf("constant-arrival-rate shows %v iters/s, want its rate, 200", got)
	}
	// 0 to 10 per 100ms over 100ms: iteration i is due at sqrt((i+1)/5)*100ms
	// (the first at ~44.7ms), the last (the 5th) at the end of the stage is
	// not due.
	sc := rampingRate(0, 100*ms, stage(100*ms, 10))
	e := executor.New(sc, executor.Settings{})
	first, _ := executor.Arrival(sc, 0)
	if got, want := e.RatePerSecond(), float64(time.Second)/float64(first); got != want {
		t.Errorf("before the start: %v iters/s, want one over the first gap, %v", got, want)
	}
	var last float64
	runScenarioWith(t, sc, func(ex *executor.Executor) func(context.Context, executor.Iteration) {
		return func(context.Context, executor.Iteration) { last = ex.RatePerSecond() }
	})
	third, _ := executor.Arrival(sc, 3)
	second, _ := executor.Arrival(sc, 2)
	if want := float64(time.Second) / float64(third-second); last != want {
		t.Errorf("during the last iteration: %v iters/s, want one over the last gap, %v", last, want)
	}
	if e := executor.New(&options.Scenario{Name: "c", Executor: options.ConstantVUs}, executor.Settings{}); e.RatePerSecond() != 0 {
		t.Errorf("constant-vus shows a rate: %v", e.RatePerSecond())
	}
}
