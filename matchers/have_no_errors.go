package matchers

import (
	"fmt"

	"github.com/onsi/gomega/types"
)

// HaveNoErrors succeeds when no exception ended an iteration of the run
// (Result.Errors is empty). The failure message lists the exceptions with
// their file:line:col in the script.
//
// It accepts a *wstest.Result or a *wstest.LiveRun.
//
//	Expect(res).To(HaveNoErrors())
func HaveNoErrors() types.GomegaMatcher {
	return &haveNoErrorsMatcher{}
}

type haveNoErrorsMatcher struct {
	oracle
	subject subject
}

var _ types.GomegaMatcher = (*haveNoErrorsMatcher)(nil)

func (matcher *haveNoErrorsMatcher) Match(actual any) (bool, error) {
	s, err := resultOf("HaveNoErrors", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	return len(s.res.Errors) == 0, nil
}

func (matcher *haveNoErrorsMatcher) lines() []string {
	errs := matcher.subject.res.Errors
	lines := make([]string, len(errs))
	for i := range errs {
		e := &errs[i]
		lines[i] = fmt.Sprintf("vu=%d iter=%d %s", e.VU, e.Iteration, e.Error())
	}
	return lines
}

func (matcher *haveNoErrorsMatcher) FailureMessage(any) string {
	return fmt.Sprintf("Expected %s to have no iteration errors\nbut it has %d:\n%s",
		matcher.subject.name(), len(matcher.subject.res.Errors), listed(matcher.lines()))
}

func (matcher *haveNoErrorsMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s to have iteration errors\nbut it has none (%d iterations ran)",
		matcher.subject.name(), matcher.subject.res.Iterations)
}
