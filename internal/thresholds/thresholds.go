package thresholds

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// Threshold is one threshold expression on a metric or submetric.
type Threshold struct {
	// Key is the options.thresholds key as written, e.g. "ws_connecting{url:x}".
	Key string
	// Selector is Key parsed.
	Selector Selector
	// Source is the expression as written, e.g. "p(95)<500".
	Source string
	// Expression is Source parsed.
	Expression Expression
	// AbortOnFail asks the run to stop when the threshold fails.
	AbortOnFail bool
	// DelayAbortEval is how long into the run a failure may not abort yet.
	DelayAbortEval time.Duration

	metric *metrics.Metric
	sub    *metrics.SubMetric // nil for the whole metric
}

// Result is the outcome of one threshold at one evaluation.
type Result struct {
	// Key, Selector, Source and AbortOnFail are the threshold's.
	Key         string
	Selector    Selector
	Source      string
	AbortOnFail bool
	// Aggregation is the aggregation compared, as written ("p(95)").
	Aggregation string
	// OK is true when the threshold holds or its value is missing.
	OK bool
	// Value is the aggregate compared; HasValue is false when it is missing.
	Value    float64
	HasValue bool
	// Aborts is true when the threshold failed, has AbortOnFail and its
	// DelayAbortEval is unset or has passed: the run should stop.
	Aborts bool
}

// Set is a parsed options.thresholds bound to a registry. It does not
// change after Parse and is safe for concurrent use.
type Set struct {
	list []*Threshold
}

// Parse reads options.thresholds as decoded by encoding/json: each key is
// a metric selector (ParseSelector), each value a list of expressions
// (ParseExpression), each a string or an object {threshold, abortOnFail,
// delayAbortEval}. The metrics must already be registered, and each
// aggregation must be one k6 allows in a threshold on the metric's type.
// Submetrics are created on their metrics, so they see every sample added
// from now on. Errors read as k6's: "invalid threshold defined on KEY;
// reason: ...".
func Parse(r *metrics.Registry, cfg map[string]any) (*Set, error) {
	s := &Set{}
	for _, key := range slices.Sorted(maps.Keys(cfg)) {
		list, err := parseKey(r, key, cfg[key])
		if err != nil {
			return nil, fmt.Errorf("invalid threshold defined on %s; reason: %w", key, err)
		}
		s.list = append(s.list, list...)
	}
	return s, nil
}

// parseKey reads the thresholds of one key.
func parseKey(r *metrics.Registry, key string, raw any) ([]*Threshold, error) {
	sel, err := ParseSelector(key)
	if err != nil {
		return nil, err
	}
	entries, err := readEntries(raw)
	if err != nil {
		return nil, err
	}
	exprs := make([]Expression, len(entries))
	for i, e := range entries {
		if exprs[i], err = ParseExpression(e.source); err != nil {
			return nil, fmt.Errorf("failed parsing threshold expression %q: %w", e.source, err)
		}
	}
	m := r.Get(sel.Metric)
	if m == nil {
		return nil, fmt.Errorf("no metric name %q found", sel.Metric)
	}
	var sub *metrics.SubMetric
	if sel.Tags != nil {
		sub = m.Sub(sel.Tags)
	}
	out := make([]*Threshold, len(entries))
	for i, e := range entries {
		if !allowedOn(exprs[i].Stat, m.Type) {
			return nil, fmt.Errorf("threshold expression %q uses aggregation method %q, which is not supported by %s metrics; supported: [%s]",
				e.source, exprs[i].Aggregation, m.Type, strings.Join(supported(m.Type), ", "))
		}
		out[i] = &Threshold{
			Key: key, Selector: sel, Source: e.source, Expression: exprs[i],
			AbortOnFail: e.abortOnFail, DelayAbortEval: e.delay,
			metric: m, sub: sub,
		}
	}
	return out, nil
}

// List returns the thresholds in key order, then in the order written.
func (s *Set) List() []*Threshold { return slices.Clone(s.list) }

// Sources returns the expressions defined on key (a metric name, or a
// name with selector), in order.
func (s *Set) Sources(key string) []string {
	var out []string
	for _, t := range s.list {
		if t.Key == key {
			out = append(out, t.Source)
		}
	}
	return out
}

// Evaluate checks every threshold now. elapsed is the time since the test
// started: Counter rates are per second of it, and it is compared with
// DelayAbortEval. abort is true when a result Aborts. A missing value
// passes (a Rate without samples, a Counter rate at elapsed 0).
func (s *Set) Evaluate(elapsed time.Duration) (results []Result, abort bool) {
	results = make([]Result, 0, len(s.list))
	for _, t := range s.list {
		var v float64
		var ok bool
		if t.sub != nil {
			v, ok = t.sub.Aggregate(t.Expression.Stat, elapsed)
		} else {
			v, ok = t.metric.Aggregate(t.Expression.Stat, elapsed)
		}
		res := Result{
			Key: t.Key, Selector: t.Selector, Source: t.Source, AbortOnFail: t.AbortOnFail,
			Aggregation: t.Expression.Aggregation, OK: !ok || t.Expression.Holds(v),
			Value: v, HasValue: ok,
		}
		res.Aborts = !res.OK && t.AbortOnFail && (t.DelayAbortEval <= 0 || elapsed >= t.DelayAbortEval)
		abort = abort || res.Aborts
		results = append(results, res)
	}
	return results, abort
}

// Failed reports whether any result failed.
func Failed(results []Result) bool {
	return slices.ContainsFunc(results, func(r Result) bool { return !r.OK })
}
