package wstest

import (
	"fmt"
	"strings"

	"github.com/wsk6/wstest/internal/thresholds"
)

// Lookup returns the metric a k6 metric selector names: "ws_sessions" is
// the metric itself, "ws_msgs_received{url:ws://127.0.0.1:8080/echo}" its
// submetric of the samples that carry those tags (as Metric.Sub gives it).
//
// The selector is read exactly as k6 reads the keys of options.thresholds:
// the metric name is all that precedes the first '{', not trimmed; the tags
// lie between the first '{' and the last '}', which must end the selector,
// so a value may hold braces ("http_req_duration{name:http://x/a/${}}",
// the name http.url gives) and colons (a URL); they are split on every ','
// and each must be key:value with something after the ':'; spaces and
// quote characters around keys and values are dropped. "name{}" and an
// empty value ("ws_sessions{subproto:}") are refused, as k6 refuses them.
//
// A selector that does not parse gives an error that says why; a metric
// the run does not have gives an *UnknownMetricError that lists those it
// has. A zero Result has no metrics.
func (r *Result) Lookup(selector string) (*Metric, error) {
	sel, err := thresholds.ParseSelector(selector)
	if err != nil {
		return nil, err
	}
	m := r.Metrics[sel.Metric]
	if m == nil {
		return nil, &UnknownMetricError{Selector: selector, Name: sel.Metric, Tags: sel.Tags, Known: r.MetricNames()}
	}
	if sel.Tags == nil {
		return m, nil
	}
	return m.Sub(sel.Tags), nil
}

// UnknownMetricError is the error of Result.Lookup for a selector whose
// metric the run does not have.
type UnknownMetricError struct {
	// Selector is the selector as given to Lookup.
	Selector string
	// Name and Tags are the metric name and the submetric's tags the
	// selector names (Tags is nil without a submetric).
	Name string
	Tags map[string]string
	// Known lists the metric names the run has, sorted.
	Known []string
}

// Error says which metric is missing and which metrics the run has.
func (e *UnknownMetricError) Error() string {
	if len(e.Known) == 0 {
		return fmt.Sprintf("no metric %q in the run: it has no metrics", e.Name)
	}
	return fmt.Sprintf("no metric %q in the run: it has %d metrics: %s", e.Name, len(e.Known), strings.Join(e.Known, ", "))
}
