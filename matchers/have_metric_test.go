package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
)

func TestHaveMetric(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a metric with samples", HaveMetric("msgs_sent"), true,
			[]string{"not to have metric msgs_sent with samples", "msgs_sent (counter, 4 samples) count=8"}},
		{"a counter's count", HaveMetric("msgs_sent", 8), true, []string{"count equal to 8"}},
		{"a counter's count by matcher", HaveMetric("msgs_sent", BeNumerically(">", 7)), true, nil},
		{"a gauge's value", HaveMetric("queue_depth", 7), true, nil},
		{"a rate's rate", HaveMetric("ok_rate", 0.5), true, nil},
		{"a trend's sample count", HaveMetric("latency", 4), true, nil},
		{"a submetric by selector", HaveMetric("latency{kind:first}", 1), true, nil},
		{"a submetric by tags map", HaveMetric("latency", map[string]string{"kind": "later"}, 3), true, nil},
		{"a selector with a URL value", HaveMetric("msgs_sent{url:ws://a.test/echo}", 8), true, nil},
		{"a selector with quotes and spaces", HaveMetric("msgs_sent{ url : 'ws://a.test/echo' }", 8), true,
			[]string{"not to have metric msgs_sent{url:ws://a.test/echo} with samples"}},
		{"a missing metric with a selector", HaveMetric("msg_sent{url:ws://a.test/echo}"), false, []string{
			"Expected the run to have metric msg_sent{url:ws://a.test/echo} with samples",
			`but it has no metric "msg_sent"; closest names: msgs_sent`,
		}},
		{"a wrong count", HaveMetric("msgs_sent", 9), false, []string{
			"Expected the run to have metric msgs_sent with samples and count equal to 9",
			"but its count is 8: msgs_sent (counter, 4 samples) count=8",
		}},
		{"a wrong count by matcher", HaveMetric("msgs_sent", BeNumerically("<", 3)), false, []string{
			"count matching BeNumericallyMatcher{Comparator:< CompareTo:[3]}",
			"but its count is 8",
			"to be <", // the inner matcher's own message
		}},
		{"a missing metric names the closest", HaveMetric("msg_sent"), false, []string{
			`but it has no metric "msg_sent"; closest names: msgs_sent`,
		}},
		{"a registered metric without samples", HaveMetric("never_used"), false, []string{
			"but never_used has no samples (a counter metric, registered but never added to)",
		}},
		{"a submetric without samples shows the tag values seen", HaveMetric("msgs_sent{url:ws://b.test/echo}"), false, []string{
			"Expected the run to have metric msgs_sent{url:ws://b.test/echo} with samples",
			"but none of the 4 samples of msgs_sent has tags {url:ws://b.test/echo}",
			`values of tag "url" seen:`, "ws://a.test/echo",
		}},
	})
}

func TestHaveMetricMisuse(t *testing.T) {
	res := scripttest.Run(t, cleanScript)
	runMisuseCases(t, []misuseCase{
		{"not a run", HaveMetric("hits"), "a string", "HaveMetric matcher expects a *wstest.Result or a *wstest.LiveRun"},
		{"a nil result", HaveMetric("hits"), (*wstestResult)(nil), "expects a non-nil *wstest.Result"},
		{"a bad selector", HaveMetric("hits{url"), res, `HaveMetric matcher: metric selector "hits{url" has unmatched curly braces`},
		{"a tag without a colon", HaveMetric("hits{url}"), res, `metric selector "hits{url}": tag "url" is not key:value`},
		// The selector grammar is k6's (Result.Lookup): "name{}" and an
		// empty tag value are refused, as options.thresholds refuses them.
		{"empty braces", HaveMetric("hits{}"), res, `metric selector "hits{}" has no tags between its curly braces`},
		{"empty braces with tags", HaveMetric("hits{}", map[string]string{"a": "b"}), res, `metric selector "hits{}" has no tags`},
		{"an empty tag value", HaveMetric("hits{url:}"), res, `metric selector "hits{url:}": tag "url:" has no value`},
		{"a bad selector for a stat", HaveMetricStat("hits{url", "count"), res, `HaveMetricStat matcher: metric selector "hits{url" has unmatched curly braces`},
		{"two matchers", HaveMetric("hits", 1, 2), res, "at most one matcher or value"},
	})
}

func TestMetricMatchersOnALiveRun(t *testing.T) {
	g := NewWithT(t)
	run := startScript(t, cleanScript)
	g.Eventually(run).Should(HaveMetric("hits", 2))
	<-run.Done()
	m := HaveMetric("hits", 2)
	g.Expect(m.Match(run)).To(BeTrue())
	oracle, ok := m.(interface{ MatchMayChangeInTheFuture(any) bool })
	g.Expect(ok).To(BeTrue())
	g.Expect(oracle.MatchMayChangeInTheFuture(run)).To(BeFalse(), "a finished run cannot change")
	g.Expect(m.FailureMessage(run)).To(HavePrefix("Expected the run to"))
}
