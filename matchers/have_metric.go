package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveMetric succeeds when the run has the metric named by metric with at
// least one sample. metric is a k6 selector: a name, optionally with a
// submetric's tags, "ws_msgs_received{url:ws://127.0.0.1:8080/echo}".
//
// The optional arguments are a map[string]string of further submetric tags
// and a Gomega matcher or a plain number for the metric's headline value:
// a counter's count (the sum of its samples), a gauge's last value, a
// rate's rate (0 to 1) and a trend's number of samples. Use HaveMetricStat
// for any other aggregate. A count (a trend's number of samples, a
// counter's count when it is a whole number) is a Go int, so
// Equal(4) works; a gauge's value and a rate are float64s. BeNumerically
// and plain numbers work with either. The failure message shows the value
// as k6's summary does, rounded with its unit.
//
// It accepts a *wstest.Result or a *wstest.LiveRun.
//
//	Expect(res).To(HaveMetric("ws_sessions", 10))
//	Expect(res).To(HaveMetric("ws_msgs_received", map[string]string{"url": url}, BeNumerically(">=", 3)))
func HaveMetric(metric string, args ...any) types.GomegaMatcher {
	m := &haveMetricMatcher{}
	var tags map[string]string
	tags, m.value, m.err = metricArgs("HaveMetric", args)
	m.ref = metricRef{selector: metric, extra: tags}
	return m
}

type haveMetricMatcher struct {
	oracle
	metricLookup
	value expectation
	err   error
	got   statValue // the headline value the last Match saw
}

var _ types.GomegaMatcher = (*haveMetricMatcher)(nil)

func (matcher *haveMetricMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, fmt.Errorf("HaveMetric matcher: %w", matcher.err)
	}
	if err := matcher.find("HaveMetric", actual); err != nil {
		return false, err
	}
	if matcher.metric == nil || matcher.metric.Count() == 0 {
		return false, nil
	}
	stat := headlineStat(matcher.metric)
	if matcher.metric.Type == "trend" {
		matcher.got = statValue{v: float64(matcher.metric.Count()), stat: stat, m: matcher.metric}
	} else {
		v, _ := matcher.metric.Stat(stat)
		matcher.got = statValue{v: v, stat: stat, m: matcher.metric}
	}
	return matcher.value.match(matcher.got.compared())
}

func (matcher *haveMetricMatcher) expected() string {
	s := fmt.Sprintf("metric %s with samples", matcher.ref)
	if matcher.value.set {
		s += fmt.Sprintf(" and %s %s", headlineName(matcher.metric), matcher.value)
	}
	return s
}

func (matcher *haveMetricMatcher) FailureMessage(any) string {
	msg := fmt.Sprintf("Expected %s to have %s\n", matcher.subject.name(), matcher.expected())
	if why := matcher.absent(); why != "" {
		return msg + why
	}
	msg += fmt.Sprintf("but its %s is %s: %s\n", headlineName(matcher.metric), matcher.got, matcher.metric)
	if why := matcher.value.why(matcher.got.compared()); why != "" {
		msg += indented(why)
	}
	return msg
}

func (matcher *haveMetricMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut it has: %s", matcher.subject.name(), matcher.expected(), matcher.metric)
}

// headlineName names the value headline returns, for messages.
func headlineName(m *wstest.Metric) string {
	if m == nil {
		return "headline value"
	}
	switch m.Type {
	case "counter":
		return "count"
	case "gauge":
		return "value"
	case "rate":
		return "rate"
	}
	return "sample count"
}
