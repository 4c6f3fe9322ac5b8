package metrics

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Threshold is one threshold expression on a metric or submetric.
type Threshold struct {
	// Key is the options.thresholds key as written, e.g. "ws_connecting{url:x}".
	Key string
	// Metric is the metric name without the selector.
	Metric string
	// Tags is the submetric selector, nil for the whole metric.
	Tags map[string]string
	// Source is the expression as written, e.g. "p(95)<500".
	Source string
	// AbortOnFail asks the run to stop when the threshold fails.
	AbortOnFail bool
	// DelayAbortEval is how long into the run a failure may not abort yet.
	DelayAbortEval time.Duration

	expr   expression
	metric *Metric
	sub    *SubMetric
}

// Aggregation returns the aggregation the threshold checks, as written
// ("p(95)", "rate", ...).
func (t *Threshold) Aggregation() string { return t.expr.aggText }

// ThresholdResult is the outcome of one threshold at one evaluation.
type ThresholdResult struct {
	// Key, Metric, Tags and Source are as on Threshold.
	Key    string
	Metric string
	Tags   map[string]string
	Source string
	// Aggregation is the aggregation compared, as written ("p(95)").
	Aggregation string
	// OK is true when the threshold holds or its value is missing.
	OK bool
	// Value is the aggregate compared; HasValue is false when it is missing.
	Value    float64
	HasValue bool
	// AbortOnFail is copied from the threshold.
	AbortOnFail bool
}

// Thresholds is a parsed options.thresholds bound to a registry. Safe for
// concurrent use.
type Thresholds struct {
	list []*Threshold

	mu   sync.Mutex // guards last
	last []ThresholdResult
}

// ParseThresholds reads options.thresholds as decoded by encoding/json:
// each key is a metric name with an optional "{tag:value,...}" selector,
// each value a list of expressions, each a string or an object
// {threshold, abortOnFail, delayAbortEval}. Metrics must already be
// registered. Submetrics are created on their metrics, so they see every
// sample added from now on.
func ParseThresholds(r *Registry, cfg map[string]any) (*Thresholds, error) {
	ts := &Thresholds{}
	for _, key := range sortedKeys(cfg) {
		fail := func(format string, args ...any) error {
			return fmt.Errorf("invalid threshold defined on %s; reason: %s", key, fmt.Sprintf(format, args...))
		}
		name, sel, err := ParseSelector(key)
		if err != nil {
			return nil, fail("%v", err)
		}
		entries, err := readEntries(cfg[key])
		if err != nil {
			return nil, fail("%v", err)
		}
		type parsed struct {
			e    thresholdEntry
			expr expression
		}
		var exprs []parsed
		for _, e := range entries {
			expr, err := parseExpression(e.source)
			if err != nil {
				return nil, fail("failed parsing threshold expression %q: %v", e.source, err)
			}
			exprs = append(exprs, parsed{e, expr})
		}
		m := r.Get(name)
		if m == nil {
			return nil, fail("no metric name %q found", name)
		}
		var sub *SubMetric
		if sel != nil {
			sub = m.Sub(sel)
		}
		for _, p := range exprs {
			if !thresholdAllowed(p.expr.agg, m.Type) {
				return nil, fail("threshold expression %q uses aggregation method %q, which is not supported by %s metrics; supported: [%s]",
					p.e.source, p.expr.aggText, m.Type, strings.Join(supportedStats(m.Type), ", "))
			}
			ts.list = append(ts.list, &Threshold{
				Key: key, Metric: name, Tags: sel, Source: p.e.source,
				AbortOnFail: p.e.abortOnFail, DelayAbortEval: p.e.delay,
				expr: p.expr, metric: m, sub: sub,
			})
		}
	}
	return ts, nil
}

// thresholdAllowed reports whether k6 accepts the aggregation in a
// threshold on a metric of type t (narrower than Stat: no gauge min/max,
// no trend count).
func thresholdAllowed(n statName, t Type) bool {
	switch t {
	case Counter:
		return n.kind == statCount || n.kind == statRate
	case Gauge:
		return n.kind == statValue
	case Rate:
		return n.kind == statRate
	case Trend:
		switch n.kind {
		case statAvg, statMin, statMax, statMed, statPercentile:
			return true
		}
	}
	return false
}

// List returns the thresholds in key order, then in the order written.
func (ts *Thresholds) List() []*Threshold { return append([]*Threshold(nil), ts.list...) }

// Sources returns the expressions defined on key (a metric name, or a
// name with selector), in order.
func (ts *Thresholds) Sources(key string) []string {
	var out []string
	for _, t := range ts.list {
		if t.Key == key {
			out = append(out, t.Source)
		}
	}
	return out
}

// Evaluate checks every threshold now. elapsed is the time since the test
// started: Counter rates are per second over it, and it is compared with
// DelayAbortEval. abort is true when a failed threshold has AbortOnFail and
// its DelayAbortEval is unset or has passed. A missing value passes.
func (ts *Thresholds) Evaluate(elapsed time.Duration) (results []ThresholdResult, abort bool) {
	results = make([]ThresholdResult, 0, len(ts.list))
	for _, t := range ts.list {
		var v float64
		var ok bool
		if t.sub != nil {
			v, ok = t.sub.stat(t.expr.agg, elapsed)
		} else {
			v, ok = t.metric.stat(t.expr.agg, elapsed)
		}
		res := ThresholdResult{
			Key: t.Key, Metric: t.Metric, Tags: t.Tags, Source: t.Source,
			Aggregation: t.expr.aggText, OK: !ok || t.expr.holds(v),
			Value: v, HasValue: ok, AbortOnFail: t.AbortOnFail,
		}
		if !res.OK && t.AbortOnFail && (t.DelayAbortEval <= 0 || elapsed >= t.DelayAbortEval) {
			abort = true
		}
		results = append(results, res)
	}
	ts.mu.Lock()
	ts.last = results
	ts.mu.Unlock()
	return append([]ThresholdResult(nil), results...), abort
}

// Last returns the results of the latest Evaluate (nil before the first).
func (ts *Thresholds) Last() []ThresholdResult {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]ThresholdResult(nil), ts.last...)
}

// Failed reports whether any result failed.
func Failed(results []ThresholdResult) bool {
	for _, r := range results {
		if !r.OK {
			return true
		}
	}
	return false
}
