package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// PassChecks succeeds when no check of the run failed. A run that ran no
// check passes; add HaveCheck to require a particular one. The failure
// message lists the failing checks with their pass and fail counts.
//
// It accepts a *wstest.Result or a *wstest.LiveRun.
//
//	Expect(res).To(PassChecks())
func PassChecks() types.GomegaMatcher {
	return &passChecksMatcher{}
}

type passChecksMatcher struct {
	oracle
	subject subject
	failing []wstest.Check
}

var _ types.GomegaMatcher = (*passChecksMatcher)(nil)

func (matcher *passChecksMatcher) Match(actual any) (bool, error) {
	s, err := resultOf("PassChecks", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.failing = nil
	for _, c := range s.res.Checks {
		if c.Fails > 0 {
			matcher.failing = append(matcher.failing, c)
		}
	}
	return len(matcher.failing) == 0, nil
}

func (matcher *passChecksMatcher) FailureMessage(any) string {
	lines := make([]string, len(matcher.failing))
	for i, c := range matcher.failing {
		lines[i] = describeCheck(c)
	}
	return fmt.Sprintf("Expected %s to pass every check\nbut %d of its %d checks failed:\n%s",
		matcher.subject.name(), len(matcher.failing), len(matcher.subject.res.Checks), listed(lines))
}

func (matcher *passChecksMatcher) NegatedFailureMessage(any) string {
	checks := matcher.subject.res.Checks
	if len(checks) == 0 {
		return fmt.Sprintf("Expected %s to fail a check\nbut it ran no checks", matcher.subject.name())
	}
	lines := make([]string, len(checks))
	for i, c := range checks {
		lines[i] = describeCheck(c)
	}
	return fmt.Sprintf("Expected %s to fail a check\nbut all of its %d checks passed:\n%s",
		matcher.subject.name(), len(checks), listed(lines))
}

// describeCheck renders a check with its group and counts on one line.
func describeCheck(c wstest.Check) string {
	return fmt.Sprintf("%s: %d passes, %d fails", checkPath(c), c.Passes, c.Fails)
}

// checkPath is the check's name after its group path, as k6 shows it:
// "::group::name", or the bare name at the root.
func checkPath(c wstest.Check) string {
	if c.Group == "" {
		return fmt.Sprintf("%q", c.Name)
	}
	return fmt.Sprintf("%s::%q", c.Group, c.Name)
}
