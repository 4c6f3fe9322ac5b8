package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveSample succeeds when the metric named by metric has at least one
// sample whose tags include all of tags and, given a matcher or a plain
// number, whose value matches it. metric may carry a selector of its own
// ("ws_ping{url:...}"); tags add to it and may be nil. Sample values are
// float64s (milliseconds for time trends).
//
// It needs the samples: a run made WithoutSamples makes it return an error.
// It accepts a *wstest.Result or a *wstest.LiveRun.
//
//	Expect(res).To(HaveSample("ws_msgs_received", map[string]string{"url": url}, 1))
func HaveSample(metric string, tags map[string]string, value ...any) types.GomegaMatcher {
	m := &haveSampleMatcher{ref: metricRef{selector: metric, extra: tags}}
	switch {
	case len(value) > 1:
		m.err = fmt.Errorf("takes at most one matcher or value, got %d", len(value))
	case len(value) == 1:
		m.value = expectationOf(value[0])
	}
	return m
}

type haveSampleMatcher struct {
	oracle
	ref   metricRef
	value expectation
	err   error

	subject subject
	metric  *wstest.Metric
	tagged  []wstest.Sample // samples with the tags
	found   *wstest.Sample
}

var _ types.GomegaMatcher = (*haveSampleMatcher)(nil)

func (matcher *haveSampleMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, fmt.Errorf("HaveSample matcher: %w", matcher.err)
	}
	s, err := resultOf("HaveSample", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.tagged, matcher.found = nil, nil
	matcher.metric, _, err = matcher.ref.resolve(s.res)
	if err != nil {
		return false, fmt.Errorf("HaveSample matcher: %w", err)
	}
	if matcher.metric == nil {
		return false, nil
	}
	if matcher.metric.Count() > 0 && len(matcher.metric.Samples) == 0 {
		return false, fmt.Errorf("HaveSample matcher: the run kept no samples of %s (WithoutSamples); use HaveMetric or HaveMetricStat",
			matcher.ref.name)
	}
	for i, smp := range matcher.metric.Samples {
		if !includesTags(smp.Tags, matcher.ref.tags) {
			continue
		}
		matcher.tagged = append(matcher.tagged, smp)
		ok, err := matcher.value.match(smp.Value)
		if err != nil {
			return false, err
		}
		if ok && matcher.found == nil {
			matcher.found = &matcher.metric.Samples[i]
		}
	}
	return matcher.found != nil, nil
}

func (matcher *haveSampleMatcher) expected() string {
	s := "a sample of " + matcher.ref.name
	if len(matcher.ref.tags) > 0 {
		s += " with tags " + formatTags(matcher.ref.tags)
	}
	if matcher.value.set {
		s += " and value " + matcher.value.String()
	}
	return s
}

func (matcher *haveSampleMatcher) FailureMessage(any) (msg string) {
	defer func() { msg += matcher.subject.samplesNote() }()
	msg = fmt.Sprintf("Expected %s to have %s\n", matcher.subject.name(), matcher.expected())
	switch {
	case matcher.metric == nil:
		return msg + matcher.ref.missing(matcher.subject.res)
	case len(matcher.metric.Samples) == 0:
		return msg + fmt.Sprintf("but %s has no samples (a %s metric, registered but never added to)",
			matcher.ref.name, matcher.metric.Type)
	case len(matcher.tagged) == 0:
		return msg + fmt.Sprintf("but none of its %d samples has those tags\n%s",
			len(matcher.metric.Samples), tagValuesSeen(matcher.metric, matcher.ref.tags))
	}
	values := make([]string, len(matcher.tagged))
	for i, smp := range matcher.tagged {
		values[i] = fmt.Sprintf("%g %s", smp.Value, formatTags(smp.Tags))
	}
	msg += fmt.Sprintf("but none of the %d samples with those tags (of %d) has such a value; they are:\n%s",
		len(matcher.tagged), len(matcher.metric.Samples), listed(values))
	if why := matcher.value.why(matcher.tagged[0].Value); why != "" {
		msg += "the first one fails with:\n" + indented(why)
	}
	return msg
}

func (matcher *haveSampleMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut it has %g %s at %s",
		matcher.subject.name(), matcher.expected(), matcher.found.Value, formatTags(matcher.found.Tags),
		matcher.found.Time.Format("15:04:05.000"))
}

// includesTags reports whether have has every key of want with its value.
func includesTags(have, want map[string]string) bool {
	for k, v := range want {
		if got, ok := have[k]; !ok || got != v {
			return false
		}
	}
	return true
}
