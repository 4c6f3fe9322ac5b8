package wstest

import (
	"errors"
	"time"

	"github.com/wsk6/wstest/internal/summary"
	"github.com/wsk6/wstest/internal/thresholds"
)

// errAbortedByThreshold is the run's cancel cause when a threshold with
// abortOnFail failed.
var errAbortedByThreshold = errors.New("thresholds have failed")

// runThresholds ties options.thresholds to a run: parsed before setup,
// watched while the scenarios run, evaluated once more at the end.
type runThresholds struct {
	set *thresholds.Set // nil when the script has none
}

func newThresholds(r *runner) (*runThresholds, error) {
	t := &runThresholds{}
	if len(r.opts.Thresholds) == 0 || r.cfg.noThresholds {
		return t, nil
	}
	set, err := thresholds.Parse(r.registry, r.opts.Thresholds)
	if err != nil {
		return nil, err
	}
	t.set = set
	for _, o := range r.jsonOuts {
		o.ThresholdSources = set.Sources
	}
	return t, nil
}

// watch evaluates every thresholds.Interval until the returned stop is
// called; a failed abortOnFail threshold aborts the run.
func (t *runThresholds) watch(r *runner) (stop func()) {
	if t.set == nil {
		return func() {}
	}
	elapsed := func() time.Duration { return time.Since(r.exec.start) }
	return t.set.Watch(thresholds.Interval, elapsed, func(res thresholds.Result) {
		r.abort("thresholds on "+res.Key+" have been crossed", errAbortedByThreshold)
	})
}

// final evaluates once more at the end and returns the results.
func (t *runThresholds) final(r *runner) []thresholds.Result {
	if t.set == nil {
		return nil
	}
	results, _ := t.set.Evaluate(time.Since(r.exec.start))
	return results
}

// publicThresholds makes the Result.Thresholds of the end results; in
// formats the measured values.
func publicThresholds(results []thresholds.Result, in *summary.Input) []Threshold {
	out := make([]Threshold, len(results))
	for i, res := range results {
		t := Threshold{Metric: res.Key, Expression: res.Source, OK: res.OK, AbortOnFail: res.AbortOnFail,
			Value: res.Value, HasValue: res.HasValue}
		if res.HasValue {
			t.Measured = res.Aggregation + "=" + in.ThresholdValue(res)
		}
		out[i] = t
	}
	return out
}
