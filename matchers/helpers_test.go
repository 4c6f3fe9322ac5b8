package matchers_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// matcherCase is one row of a matcher table: the matcher, whether it
// should match, and what its message (the failure message when it does not
// match, the negated one when it does) must contain.
type matcherCase struct {
	name    string
	matcher types.GomegaMatcher
	match   bool
	message []string
}

// runMatcherCases checks every case against actual, message content
// included.
func runMatcherCases(t *testing.T, actual any, cases []matcherCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			ok, err := tc.matcher.Match(actual)
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(ok).To(Equal(tc.match))
			var msg string
			if ok {
				msg = tc.matcher.NegatedFailureMessage(actual)
			} else {
				msg = tc.matcher.FailureMessage(actual)
			}
			for _, want := range tc.message {
				g.Expect(msg).To(ContainSubstring(want))
			}
		})
	}
}

// misuseCase is a matcher that must refuse actual with an error saying
// what is wrong.
type misuseCase struct {
	name    string
	matcher types.GomegaMatcher
	actual  any
	err     string
}

func runMisuseCases(t *testing.T, cases []misuseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			ok, err := tc.matcher.Match(tc.actual)
			g.Expect(ok).To(BeFalse())
			g.Expect(err).To(MatchError(ContainSubstring(tc.err)))
		})
	}
}

// wstestResult is a short name for the result type in misuse tables.
type wstestResult = wstest.Result

// startScript starts an inline script and joins it at the end of the test.
func startScript(t testing.TB, src string, opts ...wstest.Option) *wstest.LiveRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	run := wstest.Start(ctx, wstest.Script{Name: "inline.js", Source: src}, opts...)
	t.Cleanup(func() {
		cancel()
		_, _ = run.Wait()
	})
	return run
}
