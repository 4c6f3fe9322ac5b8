package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveLogged succeeds when a line of console output (or a warning of the
// run) has a message that contains message, when it is a string, or that
// the Gomega matcher message matches (such as MatchRegexp). Narrow it with
// AtLevel and ForVU.
//
// It accepts a *wstest.Result, a *wstest.LiveRun or a []wstest.LogEntry.
//
//	Expect(res).To(HaveLogged("connected"))
//	Expect(res).NotTo(HaveLogged(MatchRegexp(`^Unexpected`)).AtLevel("error"))
func HaveLogged(message any) *LogMatcher {
	m := &LogMatcher{}
	if s, ok := message.(string); ok {
		m.substring = &s
	} else {
		m.message = expectationOf(message)
	}
	return m
}

// LogMatcher is the matcher HaveLogged returns; its methods narrow the
// lines it looks at and return the matcher itself.
type LogMatcher struct {
	oracle
	substring *string
	message   expectation
	level     string
	vu        int64

	subject subject
	found   *wstest.LogEntry
	looked  []wstest.LogEntry // the lines that passed the filters
}

var _ types.GomegaMatcher = (*LogMatcher)(nil)

// AtLevel keeps only lines of one level: debug, info, warning or error.
func (matcher *LogMatcher) AtLevel(level string) *LogMatcher {
	matcher.level = level
	return matcher
}

// ForVU keeps only the lines logged by VU vu (numbered from 1; 0 is setup
// and teardown).
func (matcher *LogMatcher) ForVU(vu int64) *LogMatcher {
	matcher.vu = vu
	return matcher
}

// Match is part of types.GomegaMatcher.
func (matcher *LogMatcher) Match(actual any) (bool, error) {
	s, err := logsOf("HaveLogged", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.found, matcher.looked = nil, nil
	for i, l := range s.res.Logs {
		if (matcher.level != "" && l.Level != matcher.level) || (matcher.vu != 0 && l.VU != matcher.vu) {
			continue
		}
		matcher.looked = append(matcher.looked, l)
		ok, err := matcher.matches(l.Message)
		if err != nil {
			return false, err
		}
		if ok {
			matcher.found = &s.res.Logs[i]
			return true, nil
		}
	}
	return false, nil
}

func (matcher *LogMatcher) matches(msg string) (bool, error) {
	if matcher.substring != nil {
		return strings.Contains(msg, *matcher.substring), nil
	}
	return matcher.message.match(msg)
}

func (matcher *LogMatcher) expected() string {
	s := "a log line"
	if matcher.level != "" {
		s += " at level " + matcher.level
	}
	if matcher.vu != 0 {
		s += fmt.Sprintf(" from VU %d", matcher.vu)
	}
	if matcher.substring != nil {
		return s + fmt.Sprintf(" containing %q", *matcher.substring)
	}
	return s + " " + matcher.message.String()
}

// FailureMessage is part of types.GomegaMatcher.
func (matcher *LogMatcher) FailureMessage(any) string {
	all := len(matcher.subject.res.Logs)
	if len(matcher.looked) == all {
		return fmt.Sprintf("Expected %s to have %s\nbut none of its %d lines does:\n%s",
			matcher.subject.name(), matcher.expected(), all, listed(stringsOf(matcher.looked)))
	}
	return fmt.Sprintf("Expected %s to have %s\nbut none of the %d lines at that level/VU (of %d) does:\n%s",
		matcher.subject.name(), matcher.expected(), len(matcher.looked), all, listed(stringsOf(matcher.looked)))
}

// NegatedFailureMessage is part of types.GomegaMatcher.
func (matcher *LogMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut it has:\n    %s\n",
		matcher.subject.name(), matcher.expected(), matcher.found)
}
