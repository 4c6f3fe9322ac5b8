package matchers

import (
	"fmt"
	"sort"
	"strings"

	"github.com/wsk6/wstest/wstest"
)

// metricRef names a metric, or a submetric of it by tags.
type metricRef struct {
	name string
	tags map[string]string
}

// parseMetric reads a k6 metric selector: "name" or "name{key:value,...}".
// A value runs from the first colon to the next comma, so URLs need no
// quoting; quotes around a value are dropped.
func parseMetric(sel string) (metricRef, error) {
	name, rest, hasTags := strings.Cut(sel, "{")
	name = strings.TrimSpace(name)
	if name == "" {
		return metricRef{}, fmt.Errorf("metric selector %q has no metric name", sel)
	}
	ref := metricRef{name: name}
	if !hasTags {
		return ref, nil
	}
	body, ok := strings.CutSuffix(strings.TrimSpace(rest), "}")
	if !ok {
		return metricRef{}, fmt.Errorf("metric selector %q does not end with }", sel)
	}
	if strings.TrimSpace(body) == "" {
		return ref, nil
	}
	ref.tags = map[string]string{}
	for _, pair := range strings.Split(body, ",") {
		k, v, ok := strings.Cut(pair, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return metricRef{}, fmt.Errorf("metric selector %q: tag %q is not key:value", sel, strings.TrimSpace(pair))
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		ref.tags[k] = v
	}
	return ref, nil
}

// withTags adds tags to the selector's own; tags win.
func (r metricRef) withTags(tags map[string]string) metricRef {
	if len(tags) == 0 {
		return r
	}
	merged := make(map[string]string, len(r.tags)+len(tags))
	for k, v := range r.tags {
		merged[k] = v
	}
	for k, v := range tags {
		merged[k] = v
	}
	return metricRef{name: r.name, tags: merged}
}

// String renders the selector as k6 writes it, tags sorted.
func (r metricRef) String() string {
	if len(r.tags) == 0 {
		return r.name
	}
	return r.name + formatTags(r.tags)
}

// lookup returns the metric and the (sub)metric the selector names; both
// are nil when the run has no such metric.
func (r metricRef) lookup(res *wstest.Result) (whole, sel *wstest.Metric) {
	whole = res.Metric(r.name)
	if whole == nil || len(r.tags) == 0 {
		return whole, whole
	}
	return whole, whole.Sub(r.tags)
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
	keys := sortedKeys(tags)
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

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// formatTags renders {k:v,k2:v2} with sorted keys, as k6 writes submetrics.
func formatTags(tags map[string]string) string {
	parts := make([]string, 0, len(tags))
	for _, k := range sortedKeys(tags) {
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

// find looks the metric up in actual; the error is a misuse of the matcher.
func (l *metricLookup) find(matcherName string, actual any) error {
	s, err := resultOf(matcherName, actual)
	if err != nil {
		return err
	}
	l.subject = s
	l.whole, l.metric = l.ref.lookup(s.res)
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
