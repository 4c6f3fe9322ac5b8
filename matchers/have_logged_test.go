package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
)

func TestHaveLogged(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a substring", HaveLogged("iteration 2"), true, []string{
			`Expected the run not to have a log line containing "iteration 2"`, `msg="iteration 2"`,
		}},
		{"a matcher", HaveLogged(MatchRegexp(`^iteration \d$`)), true, nil},
		{"at a level", HaveLogged("about to fail").AtLevel("error"), true, nil},
		{"the logs slice", HaveLogged("iteration 0"), true, nil},
		{"a missing line lists the lines", HaveLogged("iteration 9"), false, []string{
			`Expected the run to have a log line containing "iteration 9"`,
			"but none of its", `level=info vu=`, `msg="iteration 0"`,
		}},
		{"a line at another level", HaveLogged("iteration 1").AtLevel("error"), false, []string{
			`a log line at level error containing "iteration 1"`,
			"but none of the 2 lines at that level/VU (of", `level=error`, `msg="about to fail"`,
		}},
		{"a VU that logged nothing", HaveLogged("iteration").ForVU(9), false, []string{
			"from VU 9", "but none of the 0 lines at that level/VU", "(none)",
		}},
	})
	runMatcherCases(t, res.Logs, []matcherCase{
		{"a []LogEntry", HaveLogged("iteration 3"), true, nil},
	})
	runMisuseCases(t, []misuseCase{
		{"not a run", HaveLogged("x"), "x", "HaveLogged matcher expects a *wstest.Result, a *wstest.LiveRun or a []wstest.LogEntry"},
	})
}
