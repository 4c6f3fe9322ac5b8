package matchers

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/wsk6/wstest/wstest"
)

// metricRef is a metric as a matcher names it: a k6 metric selector,
// read by Result.Lookup, and the tags map of the matcher's arguments,
// which adds to the selector's tags.
type metricRef struct {
	selector string
	extra    map[string]string

	// Set by resolve: the metric name and every tag (selector and extra;
	// nil for none), also when the run has no such metric.
	name string
	tags map[string]string
}

// resolve looks the selector up in res. whole is the metric and sel the
// (sub)metric selected; both are nil when the run has no such metric. err
// is an invalid selector.
func (r *metricRef) resolve(res *wstest.Result) (whole, sel *wstest.Metric, err error) {
	m, err := res.Lookup(r.selector)
	var unknown *wstest.UnknownMetricError
	switch {
	case errors.As(err, &unknown):
		r.name, r.tags = unknown.Name, mergeTags(unknown.Tags, r.extra)
		return nil, nil, nil
	case err != nil:
		return nil, nil, err
	}
	r.name, r.tags = m.Name, mergeTags(m.Tags, r.extra)
	whole = res.Metric(m.Name)
	if len(r.extra) == 0 {
		return whole, m, nil
	}
	return whole, whole.Sub(r.tags), nil
}

// mergeTags adds extra to tags; extra wins. It is nil when both are empty.
func mergeTags(tags, extra map[string]string) map[string]string {
	if len(tags)+len(extra) == 0 {
		return nil
	}
	merged := make(map[string]string, len(tags)+len(extra))
	for k, v := range tags {
		merged[k] = v
	}
	for k, v := range extra {
		merged[k] = v
	}
	return merged
}

// String renders the metric as k6 writes a selector, tags sorted; before
// resolve, the selector as given.
func (r metricRef) String() string {
	name := r.name
	if name == "" {
		name = r.selector
	}
	if len(r.tags) == 0 {
		return name
	}
	return name + formatTags(r.tags)
}

// missing explains that the run has no metric by that name, with the
// closest names it does have.
func (r metricRef) missing(res *wstest.Result) string {
	names := res.MetricNames()
	near := closest(r.name, names, 3)
	if len(near) == 0 {
		return fmt.Sprintf("but it has no metric %q (it has %d metrics: %s)", r.name, len(names), strings.Join(names, ", "))
	}
	return fmt.Sprintf("but it has no metric %q; closest names: %s (of %d metrics)", r.name, strings.Join(near, ", "), len(names))
}

// noSamples explains why the selected (sub)metric has no samples: the
// metric never got one, or none had the tags; then it tells which values
// the samples had for those tag keys.
func (r metricRef) noSamples(whole *wstest.Metric) string {
	if len(r.tags) == 0 || whole.Count() == 0 {
		return fmt.Sprintf("but %s has no samples (a %s metric, registered but never added to)", r.name, whole.Type)
	}
	return fmt.Sprintf("but none of the %d samples of %s has tags %s\n%s",
		whole.Count(), r.name, formatTags(r.tags), tagValuesSeen(whole, r.tags))
}

// tagValuesSeen lists, for each key of tags, the values the metric's
// samples had (bounded), to show a near miss such as a different URL.
func tagValuesSeen(m *wstest.Metric, tags map[string]string) string {
	if len(m.Samples) == 0 {
		return "(the run kept no samples, so their tags are unknown)\n"
	}
	keys := slices.Sorted(maps.Keys(tags))
	var b strings.Builder
	for _, k := range keys {
		seen := map[string]bool{}
		var values []string
		for _, s := range m.Samples {
			v, ok := s.Tags[k]
			if !ok {
				v = "(no such tag)"
			}
			if !seen[v] {
				seen[v] = true
				values = append(values, v)
			}
		}
		sort.Strings(values)
		fmt.Fprintf(&b, "values of tag %q seen:\n%s", k, listed(values))
	}
	return b.String()
}

// metricArgs sorts the optional arguments of a metric matcher: at most one
// tags map and at most one matcher or value.
func metricArgs(matcher string, args []any) (map[string]string, expectation, error) {
	var tags map[string]string
	var exp expectation
	for _, a := range args {
		switch a := a.(type) {
		case map[string]string:
			if tags != nil {
				return nil, exp, fmt.Errorf("%s matcher takes at most one tags map", matcher)
			}
			tags = a
		default:
			if exp.set {
				return nil, exp, fmt.Errorf("%s matcher takes at most one matcher or value", matcher)
			}
			exp = expectationOf(a)
		}
	}
	return tags, exp, nil
}

// formatTags renders {k:v,k2:v2} with sorted keys, as k6 writes submetrics.
func formatTags(tags map[string]string) string {
	parts := make([]string, 0, len(tags))
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		parts = append(parts, k+":"+tags[k])
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// metricLookup is what HaveMetric and HaveMetricStat share: the metric they
// look for, what the last Match found, and why a metric is absent.
type metricLookup struct {
	ref metricRef

	subject subject
	whole   *wstest.Metric // the metric itself
	metric  *wstest.Metric // the submetric the ref selects (whole without tags)
}

// find looks the metric up in actual; the error is a misuse of the matcher
// (not a run, or an invalid selector).
func (l *metricLookup) find(matcherName string, actual any) error {
	s, err := resultOf(matcherName, actual)
	if err != nil {
		return err
	}
	l.subject = s
	l.whole, l.metric, err = l.ref.resolve(s.res)
	if err != nil {
		return fmt.Errorf("%s matcher: %w", matcherName, err)
	}
	return nil
}

// absent explains a missing metric or one without samples; it is "" when
// the metric has samples.
func (l *metricLookup) absent() string {
	switch {
	case l.whole == nil:
		return l.ref.missing(l.subject.res)
	case l.metric.Count() == 0:
		return l.ref.noSamples(l.whole)
	}
	return ""
}
