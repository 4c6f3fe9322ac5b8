package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveCheck succeeds when the run ran the check called name. name is the
// check's name, in whichever group it ran (counts add up over groups), or
// its group path and name, "::group::name", for one group only.
//
// Without counts the check must have run and never failed. With one count
// it is for the passes, with two for the passes and the fails; each is a
// plain number or a Gomega matcher of an int (Equal(10) works).
//
// It accepts a *wstest.Result or a *wstest.LiveRun.
//
//	Expect(res).To(HaveCheck("got the greeting"))
//	Expect(res).To(HaveCheck("status is 101", BeNumerically(">=", 10), 0))
func HaveCheck(name string, counts ...any) types.GomegaMatcher {
	m := &haveCheckMatcher{name: name}
	switch len(counts) {
	case 0:
		m.fails = expectationOf(0)
	case 1:
		m.passes = expectationOf(counts[0])
	case 2:
		m.passes, m.fails = expectationOf(counts[0]), expectationOf(counts[1])
	default:
		m.err = fmt.Errorf("HaveCheck matcher takes at most two counts (passes, fails), got %d", len(counts))
	}
	return m
}

type haveCheckMatcher struct {
	oracle
	name   string
	passes expectation
	fails  expectation
	err    error

	subject subject
	found   []wstest.Check
	sum     wstest.Check
}

var _ types.GomegaMatcher = (*haveCheckMatcher)(nil)

func (matcher *haveCheckMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, matcher.err
	}
	s, err := resultOf("HaveCheck", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.found, matcher.sum = nil, wstest.Check{Name: matcher.name}
	for _, c := range s.res.Checks {
		if c.Name == matcher.name || c.Group+"::"+c.Name == matcher.name {
			matcher.found = append(matcher.found, c)
			matcher.sum.Passes += c.Passes
			matcher.sum.Fails += c.Fails
		}
	}
	if len(matcher.found) == 0 {
		return false, nil
	}
	ok, err := matcher.passes.match(int(matcher.sum.Passes))
	if !ok || err != nil {
		return false, err
	}
	return matcher.fails.match(int(matcher.sum.Fails))
}

func (matcher *haveCheckMatcher) expected() string {
	s := fmt.Sprintf("check %q", matcher.name)
	switch {
	case !matcher.passes.set:
		s += " passing every time"
	case !matcher.fails.set:
		s += " with passes " + matcher.passes.String()
	default:
		s += fmt.Sprintf(" with passes %s and fails %s", matcher.passes, matcher.fails)
	}
	return s
}

func (matcher *haveCheckMatcher) FailureMessage(any) string {
	msg := fmt.Sprintf("Expected %s to have %s\n", matcher.subject.name(), matcher.expected())
	if len(matcher.found) == 0 {
		var names []string
		seen := map[string]bool{}
		for _, c := range matcher.subject.res.Checks {
			if !seen[c.Name] {
				seen[c.Name] = true
				names = append(names, c.Name)
			}
		}
		near := closest(matcher.name, names, 3)
		if len(near) == 0 {
			return msg + fmt.Sprintf("but it has no such check; it has:\n%s", listed(quoted(names)))
		}
		return msg + fmt.Sprintf("but it has no such check; closest names: %s (of %d check names)",
			strings.Join(quoted(near), ", "), len(names))
	}
	msg += fmt.Sprintf("but it has %d passes and %d fails:\n", matcher.sum.Passes, matcher.sum.Fails)
	for _, c := range matcher.found {
		msg += "    " + describeCheck(c) + "\n"
	}
	return msg
}

func (matcher *haveCheckMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut it has %d passes and %d fails",
		matcher.subject.name(), matcher.expected(), matcher.sum.Passes, matcher.sum.Fails)
}

func quoted(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
