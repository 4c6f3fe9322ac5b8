package matchers_test

import (
	"testing"

	"github.com/wsk6/wstest/internal/scripttest"

	. "github.com/wsk6/wstest/matchers"
)

func TestHaveNoErrors(t *testing.T) {
	runMatcherCases(t, scripttest.Run(t, metricsScript), []matcherCase{
		{"an iteration error with its position", HaveNoErrors(), false, []string{
			"Expected the run to have no iteration errors\nbut it has 1:",
			"test.js:", "boom at three",
		}},
	})
	runMatcherCases(t, scripttest.Run(t, cleanScript), []matcherCase{
		{"a clean run", HaveNoErrors(), true, []string{
			"Expected the run to have iteration errors\nbut it has none (2 iterations ran)",
		}},
	})
	runMisuseCases(t, []misuseCase{
		{"not a run", HaveNoErrors(), 1, "HaveNoErrors matcher expects a *wstest.Result or a *wstest.LiveRun"},
	})
}
