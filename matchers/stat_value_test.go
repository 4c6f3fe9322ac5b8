package matchers_test

import (
	"errors"
	"testing"

	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestCountsCompareAsInts(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a counter's count", HaveMetric("msgs_sent", Equal(8)), true, nil},
		{"a trend's sample count", HaveMetric("latency", Equal(4)), true, nil},
		{"a trend's count stat", HaveMetricStat("latency", "count", Equal(4)), true, nil},
		{"a rate's passes and fails", HaveMetricStat("ok_rate", "passes", Equal(2)), true, nil},
		{"a counter's count stat", HaveMetricStat("msgs_sent", "count", Equal(8)), true, nil},
		{"a check's passes and fails", HaveCheck("is even", Equal(2), Equal(2)), true, nil},
		{"a gauge's value stays a float64", HaveMetric("queue_depth", Equal(7.0)), true, nil},
		{"a rate stays a float64", HaveMetric("ok_rate", Equal(0.5)), true, nil},
		{"a wrong count shows the int", HaveMetric("msgs_sent", Equal(9)), false, []string{
			"but its count is 8: msgs_sent (counter, 4 samples) count=8 rate=",
			"<int>: 8",
		}},
	})
}

func TestStatsShowUnits(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a time trend's percentile", HaveMetricStat("latency", "p(95)", BeNumerically("<", 5)), false, []string{
			"but its p(95) is 38.5ms: latency (trend, 4 samples) avg=25ms count=4 max=40ms med=25ms min=10ms p(90)=37ms p(95)=38.5ms",
			"<float64>: 38.5", // the inner matcher's own message has the exact value
		}},
		{"a rate as a percentage", HaveMetric("ok_rate", 0.9), false, []string{
			"but its rate is 50.00%: ok_rate (rate, 4 samples) fails=2 passes=2 rate=50.00%",
		}},
		{"a negated stat", HaveMetricStat("latency", "max", 40), true, []string{
			"but its max is 40ms",
		}},
	})
}

func TestWrongActualTypeIsOneLine(t *testing.T) {
	res := scripttest.Run(t, cleanScript)
	tests := []struct {
		name    string
		matcher types.GomegaMatcher
		actual  any
		want    string
	}{
		{"a Result value", HaveMetric("hits"), *res, "HaveMetric matcher expects a *wstest.Result or a *wstest.LiveRun, got wstest.Result (pass the pointer: &res)"},
		{"the run's error", HaveMetric("hits"), errors.New("x"), "HaveMetric matcher expects a *wstest.Result or a *wstest.LiveRun, got *errors.errorString (the error of the run, not its result)"},
		{"a map", HaveMetric("hits"), map[string]int{"a": 1}, "HaveMetric matcher expects a *wstest.Result or a *wstest.LiveRun, got map[string]int"},
		{"nil", HaveMetric("hits"), nil, "HaveMetric matcher expects a *wstest.Result or a *wstest.LiveRun, got nil"},
		{"an events matcher", HaveEvent("open"), []wstest.LogEntry{}, "HaveEvent matcher expects a *wstest.Result, a *wstest.LiveRun or a []wstest.Event, got []wstest.LogEntry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			_, err := tt.matcher.Match(tt.actual)
			g.Expect(err).To(MatchError(tt.want))
			g.Expect(err.Error()).NotTo(ContainSubstring("\n"))
		})
	}
}
