package wstest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/execution"
	"github.com/wsk6/wstest/internal/vu"
)

// scenarioRun is one scenario while it runs: the executor schedules it, the
// runner runs its iterations on its own VUs.
type scenarioRun struct {
	r   *runner
	ex  *executor.Executor
	vus []*vuInstance // by slot, taken from the run's pool when it starts
	// iterInScenario counts the iterations of each slot's VU in this
	// scenario (exec.vu.iterationInScenario); __ITER counts all of them.
	iterInScenario []int64
	tags           *metrics.TagSet
	info           func() *vu.Scenario // what k6/execution says of it, once started

	active   atomic.Int64 // VUs inside an iteration
	finished atomic.Bool  // Run has returned
}

// runScenarios starts every scenario at its startTime, on VUs from the
// run's pool, and waits for all of them.
func (r *runner) runScenarios() {
	var wg sync.WaitGroup
	running := make([]*scenarioRun, len(r.scenarios))
	for i, sc := range r.scenarios {
		s := &scenarioRun{r: r, vus: make([]*vuInstance, executor.MaxVUs(sc)), iterInScenario: make([]int64, executor.MaxVUs(sc)),
			tags: r.baseTags(sc)}
		s.ex = executor.New(sc, r.executorSettings(s))
		s.info = sync.OnceValue(func() *vu.Scenario {
			return &vu.Scenario{Name: sc.Name, Executor: sc.Executor, Start: s.ex.Start(),
				Progress: s.ex.Progress, IterationInTest: s.ex.NextIterationInTest}
		})
		running[i] = s
	}
	r.scenarioRuns.Store(&running)
	for _, s := range running {
		wg.Go(func() {
			defer s.finished.Store(true)
			s.ex.Run(r.ctx, s.iteration)
			r.idle.put(s.vus...) // for the scenarios that start later
		})
	}
	wg.Wait()
}

// executorSettings are the run's settings for the executor of s, with
// what an arrival-rate executor reports back: VUs to make, dropped
// iterations (dropped_iterations with the scenario's tags) and warnings.
func (r *runner) executorSettings(s *scenarioRun) executor.Settings {
	settings := executor.Settings{
		Started: s.takeVUs,
		AddVU:   s.addVU,
		Dropped: func(at time.Time) { r.builtin.DroppedIterations.Add(at, 1, s.tags) },
		Warn:    func(msg string) { r.rec.Log(0, vu.LevelWarn, msg) },
	}
	if least := r.opts.MinIterationDuration; least != nil {
		settings.MinIterationDuration = time.Duration(*least)
	}
	return settings
}

// iteration runs the scenario's function once on the VU of slot it.Slot;
// ctx ends at the scenario's hard end or when the run ends.
func (s *scenarioRun) iteration(ctx context.Context, it executor.Iteration) {
	r, v := s.r, s.vus[it.Slot]
	r.exec.activeVUs.Add(1)
	defer r.exec.activeVUs.Add(-1)
	s.active.Add(1)
	defer s.active.Add(-1)
	vi := &vu.Iteration{Scenario: s.info(), Number: v.iters, NumberInScenario: s.iterInScenario[it.Slot],
		NumberInTest: it.InTest, Started: it.Start}
	v.iters++
	s.iterInScenario[it.Slot]++
	v.SetIteration(vi, s.tags)
	_ = v.Runtime.Set("__ITER", vi.Number)
	data, err := v.setupData(r.setupJSON)
	if err != nil {
		r.rec.iterationError(scriptError("iteration", v.ID, vi.Number, err), s.ex.Scenario())
		return
	}
	fn, _ := goja.AssertFunction(v.exports.Get(s.ex.Scenario().ExecName()))
	start := time.Now()
	err = v.Loop.Run(ctx, func() error {
		_, e := fn(goja.Undefined(), data)
		return e
	})
	end := time.Now()
	full := ctx.Err() == nil
	s.account(v, vi, err, full)
	s.emit(v, start, end, full)
}

// emit records the iteration's metrics: iterations and iteration_duration
// for a full one, data_sent and data_received for any that moved bytes.
func (s *scenarioRun) emit(v *vuInstance, start, end time.Time, full bool) {
	r := s.r
	tags, md := v.Tags(), v.Metadata()
	if full {
		r.builtin.Iterations.AddWithMetadata(end, 1, tags, md)
		r.builtin.IterationDuration.AddWithMetadata(end, float64(end.Sub(start))/float64(time.Millisecond), tags, md)
		r.exec.iterations.Add(1)
	} else {
		r.exec.interrupted.Add(1)
	}
	sent, received := v.ByteCounter().Take()
	if sent > 0 || received > 0 || full {
		r.builtin.DataSent.AddWithMetadata(end, float64(sent), tags, md)
		r.builtin.DataReceived.AddWithMetadata(end, float64(received), tags, md)
	}
}

// account reports an iteration's error the way k6 does: exceptions are
// logged and counted, an abort stops the run, an interruption is silent.
func (s *scenarioRun) account(v *vuInstance, it *vu.Iteration, err error, full bool) {
	if err == nil {
		return
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		if ab, ok := intr.Value().(*execution.AbortError); ok {
			s.r.abort(ab.Reason, ab)
			return
		}
	}
	if !full {
		return
	}
	s.r.rec.iterationError(scriptError("iteration", v.ID, it.Number, err), s.ex.Scenario())
}
