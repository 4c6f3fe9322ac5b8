package matchers

import (
	"fmt"

	"github.com/wsk6/wstest/wstest"
)

// liveRun is what the matchers need of a run in progress; *wstest.LiveRun
// satisfies it.
type liveRun interface {
	Snapshot() *wstest.Result
	Finished() bool
}

var _ liveRun = (*wstest.LiveRun)(nil)

// subject is the run a matcher looked at, and whether it can still change.
type subject struct {
	res *wstest.Result
	// live is set when the result is a snapshot of a run still going on.
	live bool
}

// name renders the subject for the opening of a message.
func (s subject) name() string {
	if s.live {
		return "the live run (still running)"
	}
	return "the run"
}

// eventsNote says, for a failure message, that the run did not keep all
// its events and how to keep more ("" when it kept them all).
func (s subject) eventsNote() string {
	if s.res == nil || s.res.EventsNotKept == 0 {
		return ""
	}
	return fmt.Sprintf("\n(the run kept its first %d events and not the %d after them: raise the limit with wstest.WithEventLimit)",
		len(s.res.Events), s.res.EventsNotKept)
}

// samplesNote is eventsNote for samples.
func (s subject) samplesNote() string {
	if s.res == nil || s.res.SamplesNotKept == 0 {
		return ""
	}
	return fmt.Sprintf("\n(the run did not keep %d samples past its sample limit: raise it with wstest.WithSampleLimit; aggregates count them all)",
		s.res.SamplesNotKept)
}

// resultOf takes the result a matcher called matcher works on: a
// *wstest.Result as it is, or a snapshot of a *wstest.LiveRun.
func resultOf(matcher string, actual any) (subject, error) {
	switch a := actual.(type) {
	case *wstest.Result:
		if a == nil {
			return subject{}, fmt.Errorf("%s matcher expects a non-nil *wstest.Result", matcher)
		}
		return subject{res: a}, nil
	case *wstest.LiveRun:
		if a == nil {
			return subject{}, fmt.Errorf("%s matcher expects a non-nil *wstest.LiveRun", matcher)
		}
		return snapshotOf(a), nil
	case liveRun:
		return snapshotOf(a), nil
	}
	return subject{}, wrongType(matcher, "a *wstest.Result or a *wstest.LiveRun", actual)
}

// wrongType is the one-line error of a matcher given an actual it cannot
// work on: it names the types that work and the type it got, never the
// value (a whole Result would bury the point).
func wrongType(matcher, accepted string, actual any) error {
	got := "nil"
	if actual != nil {
		got = fmt.Sprintf("%T", actual)
	}
	hint := ""
	switch actual.(type) {
	case wstest.Result:
		hint = " (pass the pointer: &res)"
	case error:
		hint = " (the error of the run, not its result)"
	}
	return fmt.Errorf("%s matcher expects %s, got %s%s", matcher, accepted, got, hint)
}

// snapshotOf reads Finished before taking the snapshot: a snapshot taken
// after the end is final, one taken before may still grow.
func snapshotOf(l liveRun) subject {
	finished := l.Finished()
	return subject{res: l.Snapshot(), live: !finished}
}

// eventsOf takes the events an event matcher works on: those of a result
// or live run, or a []wstest.Event as it is.
func eventsOf(matcher string, actual any) (subject, error) {
	if evs, ok := actual.([]wstest.Event); ok {
		return subject{res: &wstest.Result{Events: evs}}, nil
	}
	s, err := resultOf(matcher, actual)
	if err != nil {
		return subject{}, wrongType(matcher, "a *wstest.Result, a *wstest.LiveRun or a []wstest.Event", actual)
	}
	return s, nil
}

// logsOf takes the console output HaveLogged works on.
func logsOf(matcher string, actual any) (subject, error) {
	if logs, ok := actual.([]wstest.LogEntry); ok {
		return subject{res: &wstest.Result{Logs: logs}}, nil
	}
	s, err := resultOf(matcher, actual)
	if err != nil {
		return subject{}, wrongType(matcher, "a *wstest.Result, a *wstest.LiveRun or a []wstest.LogEntry", actual)
	}
	return s, nil
}

// oracle implements MatchMayChangeInTheFuture for every matcher of the
// package. Gomega asks before each Match, so the answer comes from actual
// itself: a live run may change until it has finished; a Result or a slice
// never does.
type oracle struct{}

// MatchMayChangeInTheFuture tells Eventually and Consistently whether
// polling again can change the outcome: only while a live run goes on.
func (oracle) MatchMayChangeInTheFuture(actual any) bool {
	switch a := actual.(type) {
	case *wstest.LiveRun:
		return a != nil && !a.Finished()
	case liveRun:
		return !a.Finished()
	}
	return false
}
