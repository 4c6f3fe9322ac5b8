package matchers

import (
	"fmt"
	"sort"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveEventsInOrder succeeds when the run's events contain one event for
// each step, in the order of the steps; other events may come before,
// between and after them. A step is an event type ("open"), an
// *EventMatcher from HaveEvent or HaveReceived (its Times is ignored), or
// any Gomega matcher of a wstest.Event. Events are in the order they were
// dispatched to the script.
//
// With OnEverySocket the order must hold on each socket of the run on its
// own, which is how to say "every socket opened, talked and closed".
//
//	Expect(res).To(HaveEventsInOrder("open", HaveReceived(ContainSubstring("USER_JOINED")), HaveEvent("close", 3000)).OnEverySocket())
//
// It accepts a *wstest.Result, a *wstest.LiveRun or a []wstest.Event.
func HaveEventsInOrder(steps ...any) *EventsInOrderMatcher {
	m := &EventsInOrderMatcher{}
	if len(steps) == 0 {
		m.err = fmt.Errorf("HaveEventsInOrder matcher needs at least one step")
	}
	for i, s := range steps {
		switch s := s.(type) {
		case string:
			m.steps = append(m.steps, HaveEvent(s))
		case types.GomegaMatcher:
			m.steps = append(m.steps, s)
		default:
			m.err = fmt.Errorf("HaveEventsInOrder matcher: step %d is a %T; want an event type, an *EventMatcher or a matcher of wstest.Event", i+1, s)
		}
	}
	return m
}

// EventsInOrderMatcher is the matcher HaveEventsInOrder returns.
type EventsInOrderMatcher struct {
	oracle
	steps       []types.GomegaMatcher
	everySocket bool
	err         error

	// What the last Match saw: the events it searched (one socket's with
	// OnEverySocket, the first that failed), the index in them of each step
	// found, and that socket.
	subject subject
	events  []wstest.Event
	found   []int
	socket  int64
	sockets int
}

var _ types.GomegaMatcher = (*EventsInOrderMatcher)(nil)

// OnEverySocket requires the order on each socket of the run on its own,
// and at least one socket.
func (matcher *EventsInOrderMatcher) OnEverySocket() *EventsInOrderMatcher {
	matcher.everySocket = true
	return matcher
}

// Match is part of types.GomegaMatcher.
func (matcher *EventsInOrderMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, matcher.err
	}
	s, err := eventsOf("HaveEventsInOrder", actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	if !matcher.everySocket {
		matcher.events, matcher.socket = s.res.Events, 0
		matcher.found, err = matcher.search(s.res.Events)
		return len(matcher.found) == len(matcher.steps), err
	}
	bySocket := map[int64][]wstest.Event{}
	var ids []int64
	for _, e := range s.res.Events {
		if _, ok := bySocket[e.Socket]; !ok {
			ids = append(ids, e.Socket)
		}
		bySocket[e.Socket] = append(bySocket[e.Socket], e)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	matcher.sockets = len(ids)
	matcher.events, matcher.found, matcher.socket = nil, nil, 0
	for _, id := range ids {
		found, err := matcher.search(bySocket[id])
		if err != nil {
			return false, err
		}
		matcher.events, matcher.found, matcher.socket = bySocket[id], found, id
		if len(found) < len(matcher.steps) {
			return false, nil
		}
	}
	return len(ids) > 0, nil
}

// search finds the steps in events, each at the first event after the
// previous step's that it matches, and returns where it found them.
func (matcher *EventsInOrderMatcher) search(events []wstest.Event) ([]int, error) {
	var found []int
	for i, e := range events {
		if len(found) == len(matcher.steps) {
			break
		}
		ok, err := matchStep(matcher.steps[len(found)], e)
		if err != nil {
			return found, err
		}
		if ok {
			found = append(found, i)
		}
	}
	return found, nil
}

func matchStep(step types.GomegaMatcher, e wstest.Event) (bool, error) {
	if em, ok := step.(*EventMatcher); ok {
		_, ok, err := em.accepts(e)
		return ok, err
	}
	return step.Match(e)
}

func (matcher *EventsInOrderMatcher) expected() string {
	var b strings.Builder
	b.WriteString("events in this order")
	if matcher.everySocket {
		b.WriteString(" on every socket")
	}
	b.WriteString(":\n")
	for i, s := range matcher.steps {
		fmt.Fprintf(&b, "    %d. %s\n", i+1, describeMatcher(s))
	}
	return b.String()
}

// FailureMessage is part of types.GomegaMatcher.
func (matcher *EventsInOrderMatcher) FailureMessage(any) (msg string) {
	defer func() { msg += matcher.subject.eventsNote() }()
	msg = fmt.Sprintf("Expected %s to have %s", matcher.subject.name(), matcher.expected())
	if matcher.everySocket && matcher.sockets == 0 {
		return msg + "but it has no sockets\n"
	}
	where := ""
	if matcher.everySocket {
		where = fmt.Sprintf(" on socket %d", matcher.socket)
	}
	n := len(matcher.found)
	switch n {
	case 0:
		msg += fmt.Sprintf("but step 1 matches none of the %d events%s", len(matcher.events), where)
	default:
		last := matcher.found[n-1]
		msg += fmt.Sprintf("but%s steps 1 to %d match (step %d at event #%d: %s)\nand step %d matches none of the %d events after it",
			where, n, n, last+1, matcher.events[last], n+1, len(matcher.events)-last-1)
	}
	return msg + fmt.Sprintf("; the events%s are:\n%s", where, listed(numbered(matcher.events)))
}

// NegatedFailureMessage is part of types.GomegaMatcher.
func (matcher *EventsInOrderMatcher) NegatedFailureMessage(any) string {
	msg := fmt.Sprintf("Expected %s not to have %s", matcher.subject.name(), matcher.expected())
	if matcher.everySocket {
		return msg + fmt.Sprintf("but all of its %d sockets have them; the last one, socket %d:\n%s",
			matcher.sockets, matcher.socket, listed(numberedAt(matcher.events, matcher.found)))
	}
	return msg + fmt.Sprintf("but it has them:\n%s", listed(numberedAt(matcher.events, matcher.found)))
}

// numbered renders events with their position (from 1).
func numbered(events []wstest.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = fmt.Sprintf("#%d %s", i+1, e)
	}
	return out
}

// numberedAt renders the events at positions idx, with their position.
func numberedAt(events []wstest.Event, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = fmt.Sprintf("#%d %s", j+1, events[j])
	}
	return out
}
