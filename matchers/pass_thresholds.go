package matchers

import (
	"errors"
	"fmt"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// PassThresholds succeeds when every threshold of the run passed (a run
// without thresholds passes). The failure message lists each failing
// threshold with the value it measured, in k6's form (p(95)=441.12µs), and
// the aggregates of its metric.
//
// It accepts a *wstest.Result or a *wstest.LiveRun; on a live run the
// outcome is the one computed so far.
//
//	Expect(res).To(PassThresholds())
func PassThresholds() types.GomegaMatcher {
	return &passThresholdsMatcher{}
}

type passThresholdsMatcher struct {
	oracle
	subject subject
	failing []wstest.Threshold
}

var _ types.GomegaMatcher = (*passThresholdsMatcher)(nil)

func (matcher *passThresholdsMatcher) Match(actual any) (bool, error) {
	s, err := resultOf("PassThresholds", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.failing = nil
	for _, t := range s.res.Thresholds {
		if !t.OK {
			matcher.failing = append(matcher.failing, t)
		}
	}
	return len(matcher.failing) == 0, nil
}

func (matcher *passThresholdsMatcher) describe(ts []wstest.Threshold) []string {
	lines := make([]string, len(ts))
	for i, t := range ts {
		outcome := "passed"
		if !t.OK {
			outcome = "failed"
		}
		line := fmt.Sprintf("%s: %q %s", t.Metric, t.Expression, outcome)
		if t.Measured != "" {
			line += " with " + t.Measured
		}
		if t.AbortOnFail {
			line += " (abortOnFail)"
		}
		lines[i] = line + "; " + metricNow(matcher.subject.res, t.Metric)
	}
	return lines
}

func (matcher *passThresholdsMatcher) FailureMessage(any) string {
	msg := fmt.Sprintf("Expected %s to pass every threshold\nbut %d of its %d thresholds failed:\n%s",
		matcher.subject.name(), len(matcher.failing), len(matcher.subject.res.Thresholds),
		listed(matcher.describe(matcher.failing)))
	if matcher.subject.res.Aborted {
		msg += fmt.Sprintf("the run was aborted: %s\n", matcher.subject.res.AbortReason)
	}
	return msg
}

func (matcher *passThresholdsMatcher) NegatedFailureMessage(any) string {
	ts := matcher.subject.res.Thresholds
	if len(ts) == 0 {
		return fmt.Sprintf("Expected %s to fail a threshold\nbut it has no thresholds", matcher.subject.name())
	}
	return fmt.Sprintf("Expected %s to fail a threshold\nbut all of its %d thresholds passed:\n%s",
		matcher.subject.name(), len(ts), listed(matcher.describe(ts)))
}

// metricNow renders what a threshold's metric holds, for messages.
func metricNow(res *wstest.Result, selector string) string {
	m, err := res.Lookup(selector)
	var unknown *wstest.UnknownMetricError
	switch {
	case errors.As(err, &unknown):
		return "no such metric"
	case err != nil:
		return "unknown metric"
	}
	return m.String()
}
