package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
)

func TestPassChecks(t *testing.T) {
	runMatcherCases(t, scripttest.Run(t, metricsScript), []matcherCase{
		{"a failing check is listed", PassChecks(), false, []string{
			"Expected the run to pass every check\nbut 1 of its 3 checks failed:",
			`"is even": 2 passes, 2 fails`,
		}},
	})
	runMatcherCases(t, scripttest.Run(t, cleanScript), []matcherCase{
		{"all checks pass", PassChecks(), true, []string{
			"Expected the run to fail a check\nbut all of its 1 checks passed:", `"one is one": 2 passes, 0 fails`,
		}},
	})
	runMatcherCases(t, scripttest.Run(t, `export default function () {}`), []matcherCase{
		{"no checks pass", PassChecks(), true, []string{"but it ran no checks"}},
	})
}

func TestHaveCheck(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a check that always passed", HaveCheck("is a number"), true, []string{
			`not to have check "is a number" passing every time`, "but it has 8 passes and 0 fails",
		}},
		{"counts add up over groups", HaveCheck("is a number", 8, 0), true, nil},
		{"one group by path", HaveCheck("::inner::is a number", 4), true, nil},
		{"passes and fails", HaveCheck("is even", 2, BeNumerically(">", 1)), true, nil},
		{"a check that failed", HaveCheck("is even"), false, []string{
			`Expected the run to have check "is even" passing every time`,
			"but it has 2 passes and 2 fails:", `"is even": 2 passes, 2 fails`,
		}},
		{"wrong passes", HaveCheck("is a number", 3), false, []string{
			`check "is a number" with passes equal to 3`,
			`"is a number": 4 passes, 0 fails`, `::inner::"is a number": 4 passes, 0 fails`,
		}},
		{"a missing check names the closest", HaveCheck("is evn"), false, []string{
			`but it has no such check; closest names: "is even"`,
		}},
		{"a missing check far from all", HaveCheck("the websocket opened"), false, []string{
			"but it has no such check; it has:\n    \"is a number\"\n    \"is even\"\n",
		}},
	})
	runMisuseCases(t, []misuseCase{
		{"too many counts", HaveCheck("x", 1, 2, 3), res, "at most two counts (passes, fails), got 3"},
		{"not a run", HaveCheck("x"), []int{1}, "HaveCheck matcher expects a *wstest.Result or a *wstest.LiveRun"},
	})
}
