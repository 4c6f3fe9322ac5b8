package wstest

import "errors"

// errAbortedByThreshold is the run's cancel cause when a threshold with
// abortOnFail failed.
var errAbortedByThreshold = errors.New("thresholds have failed")

// thresholds evaluates options.thresholds during and after the run.
type thresholds struct{}

func newThresholds(r *runner) (*thresholds, error) { return &thresholds{}, nil }

// watch evaluates every 2 s until the returned stop is called.
func (t *thresholds) watch(r *runner) (stop func()) { return func() {} }

// final evaluates once more at the end.
func (t *thresholds) final(r *runner) {}
