package matchers

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/onsi/gomega/types"
)

// HaveMetricStat succeeds when the aggregate stat of the metric named by
// metric (a k6 selector, as for HaveMetric) exists and, given a matcher or
// a plain number, matches it. The stats are k6's: count and rate for a
// counter; value, min and max for a gauge; rate, passes and fails for a
// rate; count, avg, min, med, max and p(N) for a trend (in milliseconds for
// time trends). A stat the metric's type does not have is an error; one
// that is missing because the metric has no samples is a mismatch.
//
// The optional arguments are as for HaveMetric: a map[string]string of
// submetric tags and one matcher or number. As there, a count (count,
// passes, fails) is a Go int when it is a whole number, any other stat a
// float64, and the failure message shows the stat rounded with its unit.
//
//	Expect(res).To(HaveMetricStat("ws_connecting", "p(95)", BeNumerically("<", 50)))
//	Expect(res).To(HaveMetricStat("ws_msgs_sent{url:"+url+"}", "count", 20))
func HaveMetricStat(metric, stat string, args ...any) types.GomegaMatcher {
	m := &haveMetricStatMatcher{stat: stat}
	var tags map[string]string
	var err error
	if !statPattern.MatchString(stat) {
		err = fmt.Errorf("unknown stat %q: want count, rate, value, min, max, avg, med, passes, fails or p(N)", stat)
	} else {
		tags, m.value, err = metricArgs("HaveMetricStat", args)
	}
	m.ref, m.err = metricRef{selector: metric, extra: tags}, err
	return m
}

var statPattern = regexp.MustCompile(`^(count|rate|value|min|max|avg|med|passes|fails|p\(\d+(\.\d+)?\))$`)

// statsOf lists the stats a metric type has ("p(N)" standing for every
// percentile).
func statsOf(typ string) []string {
	switch typ {
	case "counter":
		return []string{"count", "rate"}
	case "gauge":
		return []string{"value", "min", "max"}
	case "rate":
		return []string{"rate", "passes", "fails"}
	}
	return []string{"count", "avg", "min", "med", "max", "p(N)"}
}

func hasStat(typ, stat string) bool {
	for _, s := range statsOf(typ) {
		if s == stat || (s == "p(N)" && strings.HasPrefix(stat, "p(")) {
			return true
		}
	}
	return false
}

type haveMetricStatMatcher struct {
	oracle
	metricLookup
	stat  string
	value expectation
	err   error
	got   statValue // the stat the last Match saw
	ok    bool      // whether the metric had that stat
}

var _ types.GomegaMatcher = (*haveMetricStatMatcher)(nil)

func (matcher *haveMetricStatMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, fmt.Errorf("HaveMetricStat matcher: %w", matcher.err)
	}
	if err := matcher.find("HaveMetricStat", actual); err != nil {
		return false, err
	}
	matcher.ok = false
	if matcher.metric == nil {
		return false, nil
	}
	if !hasStat(matcher.metric.Type, matcher.stat) {
		return false, fmt.Errorf("HaveMetricStat matcher: %s is a %s, which has no stat %q (it has %s)",
			matcher.ref.name, matcher.metric.Type, matcher.stat, strings.Join(statsOf(matcher.metric.Type), ", "))
	}
	var v float64
	v, matcher.ok = matcher.metric.Stat(matcher.stat)
	if !matcher.ok {
		return false, nil
	}
	matcher.got = statValue{v: v, stat: matcher.stat, m: matcher.metric}
	return matcher.value.match(matcher.got.compared())
}

func (matcher *haveMetricStatMatcher) expected() string {
	s := fmt.Sprintf("%s of metric %s", matcher.stat, matcher.ref)
	if matcher.value.set {
		s += " " + matcher.value.String()
	}
	return s
}

func (matcher *haveMetricStatMatcher) FailureMessage(any) string {
	msg := fmt.Sprintf("Expected %s to have %s\n", matcher.subject.name(), matcher.expected())
	if why := matcher.absent(); why != "" {
		return msg + why
	}
	if !matcher.ok {
		return msg + fmt.Sprintf("but %s has no %s: %s", matcher.ref, matcher.stat, matcher.metric)
	}
	msg += fmt.Sprintf("but its %s is %s: %s\n", matcher.stat, matcher.got, matcher.metric)
	if why := matcher.value.why(matcher.got.compared()); why != "" {
		msg += indented(why)
	}
	return msg
}

func (matcher *haveMetricStatMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut its %s is %s: %s",
		matcher.subject.name(), matcher.expected(), matcher.stat, matcher.got, matcher.metric)
}
