package wstest

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules/execution"
	"github.com/wsk6/wstest/internal/vu"
)

// scenarioRun is one scenario while it runs.
type scenarioRun struct {
	cfg        *scenarioConfig
	r          *runner
	start      time.Time
	tags       *metrics.TagSet
	info       *vu.Scenario
	iterInTest atomic.Int64 // next shared iteration number
	soft       time.Time    // no iteration starts after it
	hard       context.Context
}

// runScenarios starts every scenario at its startTime, each on its own VUs,
// and waits for all of them.
func (r *runner) runScenarios(vus []*vuInstance) {
	var wg sync.WaitGroup
	offset := 0
	for _, sc := range r.scenarios {
		n := int(sc.maxVUs())
		own := vus[offset : offset+n]
		offset += n
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.runScenario(sc, own)
		}()
	}
	wg.Wait()
}

func (r *runner) runScenario(cfg *scenarioConfig, vus []*vuInstance) {
	if cfg.StartTime > 0 {
		t := time.NewTimer(time.Duration(cfg.StartTime))
		select {
		case <-t.C:
		case <-r.ctx.Done():
			t.Stop()
			return
		}
	}
	s := &scenarioRun{cfg: cfg, r: r, start: time.Now(), tags: r.baseTags(cfg)}
	total := cfg.totalDuration()
	s.soft = s.start.Add(total)
	hard, cancel := context.WithDeadline(r.ctx, s.soft.Add(cfg.gracefulStop()))
	defer cancel()
	s.hard = hard
	s.info = &vu.Scenario{Name: cfg.Name, Executor: cfg.Executor, Start: s.start,
		Progress: s.progress, IterationInTest: func() int64 { return s.iterInTest.Load() }}

	var wg sync.WaitGroup
	var shared atomic.Int64
	for i, v := range vus {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch cfg.Executor {
			case executorPerVUIterations:
				for n := int64(0); n < cfg.iterations() && s.canStart(); n++ {
					s.iteration(v)
				}
			case executorSharedIterations:
				for s.canStart() && shared.Add(1) <= cfg.iterations() {
					s.iteration(v)
				}
			case executorConstantVUs:
				for s.canStart() {
					s.iteration(v)
				}
			case executorRampingVUs:
				s.ramp(v, int64(i))
			}
		}()
	}
	wg.Wait()
}

// canStart reports whether a new iteration may begin.
func (s *scenarioRun) canStart() bool {
	return s.hard.Err() == nil && time.Now().Before(s.soft)
}

func (s *scenarioRun) progress() float64 {
	total := s.cfg.totalDuration()
	if total <= 0 {
		return 1
	}
	p := float64(time.Since(s.start)) / float64(total)
	return min(max(p, 0), 1)
}

// iteration runs the scenario's function once on v.
func (s *scenarioRun) iteration(v *vuInstance) {
	r := s.r
	r.exec.activeVUs.Add(1)
	defer r.exec.activeVUs.Add(-1)
	it := &vu.Iteration{Scenario: s.info, Number: v.iters, NumberInScenario: v.iters,
		NumberInTest: s.iterInTest.Add(1) - 1, Started: time.Now()}
	v.iters++
	v.SetIteration(it, s.tags)
	_ = v.Runtime.Set("__ITER", it.Number)
	data, err := v.setupData(r.setupJSON)
	if err != nil {
		r.rec.iterationError(scriptError("iteration", v.ID, it.Number, err))
		return
	}
	fn, _ := goja.AssertFunction(v.exports.Get(s.cfg.Exec))
	start := time.Now()
	err = v.Loop.Run(s.hard, func() error {
		_, e := fn(goja.Undefined(), data)
		return e
	})
	end := time.Now()
	full := s.hard.Err() == nil
	s.account(v, it, err, full)
	tags := v.Tags()
	if full {
		r.builtin.Iterations.Add(end, 1, tags)
		r.builtin.IterationDuration.Add(end, float64(end.Sub(start))/float64(time.Millisecond), tags)
		r.exec.iterations.Add(1)
	} else {
		r.exec.interrupted.Add(1)
	}
	sent, received := v.ByteCounter().Take()
	if sent > 0 || received > 0 || full {
		r.builtin.DataSent.Add(end, float64(sent), tags)
		r.builtin.DataReceived.Add(end, float64(received), tags)
	}
	if least := s.r.opts.MinIterationDuration; least != nil && full {
		s.waitUntil(start.Add(time.Duration(*least)))
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
			s.r.exec.abort(ab.Reason, ab)
			return
		}
	}
	if !full {
		return
	}
	s.r.rec.iterationError(scriptError("iteration", v.ID, it.Number, err))
}

func (s *scenarioRun) waitUntil(t time.Time) {
	d := time.Until(t)
	if d <= 0 {
		return
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-s.hard.Done():
	}
}

// ramp runs VU number i of a ramping-vus scenario: it iterates while the
// stages' target is above i and waits while it is not.
func (s *scenarioRun) ramp(v *vuInstance, i int64) {
	for s.canStart() {
		if s.target(time.Since(s.start)) > i {
			s.iteration(v)
			continue
		}
		next, ok := s.nextActivation(i)
		if !ok {
			return
		}
		s.waitUntil(next)
	}
}

// target is the number of VUs the stages ask for at elapsed time.
func (s *scenarioRun) target(elapsed time.Duration) int64 {
	from := int64(1)
	if s.cfg.StartVUs != nil {
		from = *s.cfg.StartVUs
	}
	var at time.Duration
	for _, st := range s.cfg.Stages {
		d := time.Duration(st.Duration)
		if elapsed < at+d {
			frac := float64(elapsed-at) / float64(d)
			return from + int64(float64(st.Target-from)*frac)
		}
		at += d
		from = st.Target
	}
	return from
}

// nextActivation finds when VU i becomes active again, scanning the
// stages in 10 ms steps.
func (s *scenarioRun) nextActivation(i int64) (time.Time, bool) {
	total := s.cfg.totalDuration()
	for e := time.Since(s.start); e < total; e += 10 * time.Millisecond {
		if s.target(e) > i {
			return s.start.Add(e), true
		}
	}
	return time.Time{}, false
}

// optionsValue is the consolidated options as k6/execution shows them.
func (r *runner) optionsValue() any {
	out := map[string]any{}
	if r.opts == nil {
		return out
	}
	b, _ := json.Marshal(r.opts)
	_ = json.Unmarshal(b, &out)
	scenarios := map[string]any{}
	for _, sc := range r.scenarios {
		var m map[string]any
		b, _ := json.Marshal(sc)
		_ = json.Unmarshal(b, &m)
		scenarios[sc.Name] = m
	}
	out["scenarios"] = scenarios
	return out
}
