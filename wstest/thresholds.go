package wstest

import (
	"errors"
	"sync"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// errAbortedByThreshold is the run's cancel cause when a threshold with
// abortOnFail failed.
var errAbortedByThreshold = errors.New("thresholds have failed")

// thresholdInterval is how often thresholds are evaluated during a run, as
// in k6.
const thresholdInterval = 2 * time.Second

// thresholds evaluates options.thresholds during and after the run.
type thresholds struct {
	ts *metrics.Thresholds // nil when the script has none

	mu      sync.Mutex
	results []metrics.ThresholdResult
}

func newThresholds(r *runner) (*thresholds, error) {
	t := &thresholds{}
	if len(r.opts.Thresholds) == 0 {
		return t, nil
	}
	ts, err := metrics.ParseThresholds(r.registry, r.opts.Thresholds)
	if err != nil {
		return nil, err
	}
	t.ts = ts
	if r.jsonOut != nil {
		r.jsonOut.ThresholdSources = ts.Sources
	}
	return t, nil
}

// watch evaluates every thresholdInterval until the returned stop is
// called; a failed abortOnFail threshold aborts the run.
func (t *thresholds) watch(r *runner) (stop func()) {
	if t.ts == nil {
		return func() {}
	}
	return every(thresholdInterval, func(time.Time) { t.evaluate(r) })
}

func (t *thresholds) evaluate(r *runner) {
	results, abort := t.ts.Evaluate(time.Since(r.exec.start))
	t.mu.Lock()
	t.results = results
	t.mu.Unlock()
	if abort {
		for _, res := range results {
			if !res.OK && res.AbortOnFail {
				r.abort("thresholds on "+res.Key+" have been crossed", errAbortedByThreshold)
				return
			}
		}
	}
}

// final evaluates once more at the end and returns the results.
func (t *thresholds) final(r *runner) []metrics.ThresholdResult {
	if t.ts == nil {
		return nil
	}
	results, _ := t.ts.Evaluate(time.Since(r.exec.start))
	t.mu.Lock()
	t.results = results
	t.mu.Unlock()
	return results
}

// public converts results for Result.Thresholds.
func publicThresholds(results []metrics.ThresholdResult) []Threshold {
	out := make([]Threshold, len(results))
	for i, res := range results {
		out[i] = Threshold{Metric: res.Key, Expression: res.Source, OK: res.OK, AbortOnFail: res.AbortOnFail}
	}
	return out
}
