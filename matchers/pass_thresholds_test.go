package matchers_test

import (
	"testing"

	"github.com/wsk6/wstest/internal/scripttest"

	. "github.com/wsk6/wstest/matchers"
)

func TestPassThresholds(t *testing.T) {
	runMatcherCases(t, scripttest.Run(t, metricsScript), []matcherCase{
		{"a failing threshold with its metric", PassThresholds(), false, []string{
			"Expected the run to pass every threshold\nbut 1 of its 2 thresholds failed:",
			`latency{kind:first}: "max<5" failed with max=10ms; latency{kind:first} (trend, 1 samples)`, "max=10ms",
		}},
	})
	runMatcherCases(t, scripttest.Run(t, cleanScript), []matcherCase{
		{"passing thresholds", PassThresholds(), true, []string{
			"Expected the run to fail a threshold\nbut all of its 1 thresholds passed:",
			`hits: "count==2" passed with count=2; hits (counter, 2 samples) count=2`,
		}},
	})
	runMatcherCases(t, scripttest.Run(t, `export default function () {}`), []matcherCase{
		{"no thresholds pass", PassThresholds(), true, []string{"but it has no thresholds"}},
	})
	runMisuseCases(t, []misuseCase{
		{"not a run", PassThresholds(), nil, "PassThresholds matcher expects a *wstest.Result or a *wstest.LiveRun"},
	})
}
