package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
)

func TestHaveMetricStat(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a trend's average", HaveMetricStat("latency", "avg", 25), true,
			[]string{"not to have avg of metric latency equal to 25", "but its avg is 25"}},
		{"a trend's percentile", HaveMetricStat("latency", "p(95)", BeNumerically(">", 35)), true, nil},
		{"a trend's max", HaveMetricStat("latency", "max", 40), true, nil},
		{"a submetric's stat", HaveMetricStat("latency{kind:first}", "max", 10), true, nil},
		{"a submetric's stat by tags map", HaveMetricStat("latency", "min", map[string]string{"kind": "later"}, 20), true, nil},
		{"a counter's count", HaveMetricStat("msgs_sent", "count", 8), true, nil},
		{"a rate's passes", HaveMetricStat("ok_rate", "passes", 2), true, nil},
		{"a stat without a matcher exists", HaveMetricStat("queue_depth", "max"), true, nil},
		{"a wrong percentile", HaveMetricStat("latency", "p(95)", BeNumerically("<", 5)), false, []string{
			"Expected the run to have p(95) of metric latency matching BeNumericallyMatcher{Comparator:< CompareTo:[5]}",
			"but its p(95) is", "latency (trend, 4 samples) avg=25",
		}},
		{"a missing metric", HaveMetricStat("latncy", "avg", 1), false, []string{
			`but it has no metric "latncy"; closest names: latency`,
		}},
		{"a metric without samples", HaveMetricStat("never_used", "count", 1), false, []string{
			"but never_used has no samples",
		}},
	})
}

func TestHaveMetricStatMisuse(t *testing.T) {
	res := scripttest.Run(t, cleanScript)
	runMisuseCases(t, []misuseCase{
		{"an unknown stat", HaveMetricStat("hits", "mean"), res, `unknown stat "mean"`},
		{"a stat the type lacks", HaveMetricStat("hits", "p(95)"), res, `hits is a counter, which has no stat "p(95)" (it has count, rate)`},
		{"not a run", HaveMetricStat("hits", "count"), 42, "HaveMetricStat matcher expects a *wstest.Result or a *wstest.LiveRun"},
	})
}
