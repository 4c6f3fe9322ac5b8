package matchers

import (
	"fmt"
	"strings"

	"github.com/onsi/gomega/types"

	"github.com/wsk6/wstest/wstest"
)

// HaveEvent succeeds when the run has a WebSocket event of type eventType
// (open, message, error, close, ping or pong; "" for any type) whose data
// matches data, when given. data is a Gomega matcher or a plain value
// compared for equality, and is matched against:
//
//   - a message's Data (a string; the bytes of a binary message),
//   - a ping's or pong's Data,
//   - an error's Error text,
//   - a close's Code (an int; use Where for the reason).
//
// Narrow the events it looks at with OnURL, ForVU and OnSocket, match any
// other field with Where, and require a number of matching events with
// Times:
//
//	Expect(res).To(HaveEvent("message", ContainSubstring("CHAT_MSG")).OnURL(url).ForVU(1))
//	Expect(res).To(HaveEvent("close", 1000).Times(10))
//	Expect(res).To(HaveEvent("close").Where(HaveField("Reason", "bye")))
//
// It accepts a *wstest.Result, a *wstest.LiveRun (poll it with Eventually)
// or a []wstest.Event. The failure message shows the events of that type
// that were near misses, or else the events seen, at most 20 of them.
func HaveEvent(eventType string, data ...any) *EventMatcher {
	m := &EventMatcher{typ: eventType}
	switch eventType {
	case "", "open", "message", "error", "close", "ping", "pong":
	default:
		m.err = fmt.Errorf("unknown event type %q: want open, message, error, close, ping, pong or \"\" for any", eventType)
	}
	switch {
	case len(data) > 1:
		m.err = fmt.Errorf("takes at most one data matcher or value, got %d", len(data))
	case len(data) == 1 && (eventType == "open" || eventType == ""):
		m.err = fmt.Errorf("an event of type %q has no data to match; use Where", eventType)
	case len(data) == 1:
		m.data = expectationOf(data[0])
	}
	return m
}

// HaveReceived succeeds when a socket of the run received a message whose
// data matches data (a Gomega matcher or a string). It is
// HaveEvent("message", data), so OnURL, ForVU, OnSocket, Where and Times
// narrow it the same way.
//
//	Expect(res).To(HaveReceived(ContainSubstring(`"event":"USER_JOINED"`)).Times(30))
func HaveReceived(data any) *EventMatcher {
	m := HaveEvent("message", data)
	m.received = true
	return m
}

// EventMatcher is the matcher HaveEvent and HaveReceived return. Its
// methods narrow what it looks for and return the matcher itself; it can
// also be a step of HaveEventsInOrder.
type EventMatcher struct {
	oracle
	typ      string
	data     expectation
	url      expectation
	vu       int64
	socket   int64
	where    []types.GomegaMatcher
	times    expectation
	received bool
	err      error

	// What the last Match saw.
	subject    subject
	matched    []wstest.Event
	candidates []wstest.Event // right type and filters, wrong data or Where
}

var _ types.GomegaMatcher = (*EventMatcher)(nil)

// OnURL keeps only the events of sockets opened to url: a string compared
// for equality, or a Gomega matcher such as HaveSuffix("/echo").
func (matcher *EventMatcher) OnURL(url any) *EventMatcher {
	matcher.url = expectationOf(url)
	return matcher
}

// ForVU keeps only the events of sockets of VU vu (numbered from 1).
func (matcher *EventMatcher) ForVU(vu int64) *EventMatcher {
	matcher.vu = vu
	return matcher
}

// OnSocket keeps only the events of the socket numbered id in the run
// (from 1, as in wstest.Event.Socket).
func (matcher *EventMatcher) OnSocket(id int64) *EventMatcher {
	matcher.socket = id
	return matcher
}

// Where also requires the whole wstest.Event to match m, for any field:
// Where(HaveField("WasClean", BeTrue())). It may be given more than once.
func (matcher *EventMatcher) Where(m types.GomegaMatcher) *EventMatcher {
	matcher.where = append(matcher.where, m)
	return matcher
}

// Times requires the number of matching events to be n: a plain number
// for exactly n, or a Gomega matcher of an int such as
// BeNumerically(">=", 3). Without it, one is enough.
func (matcher *EventMatcher) Times(n any) *EventMatcher {
	matcher.times = expectationOf(n)
	return matcher
}

// Match is part of types.GomegaMatcher.
func (matcher *EventMatcher) Match(actual any) (bool, error) {
	if matcher.err != nil {
		return false, fmt.Errorf("%s matcher: %w", matcher.name(), matcher.err)
	}
	s, err := eventsOf(matcher.name(), actual)
	if err != nil {
		return false, err
	}
	matcher.subject = s
	matcher.matched, matcher.candidates = nil, nil
	for _, e := range s.res.Events {
		inScope, ok, err := matcher.accepts(e)
		if err != nil {
			return false, err
		}
		switch {
		case ok:
			matcher.matched = append(matcher.matched, e)
		case inScope:
			matcher.candidates = append(matcher.candidates, e)
		}
	}
	if !matcher.times.set {
		return len(matcher.matched) > 0, nil
	}
	return matcher.times.match(len(matcher.matched))
}

// accepts tells whether e is of the type and passes the filters (inScope),
// and whether its data and Where matchers match too (ok).
func (matcher *EventMatcher) accepts(e wstest.Event) (inScope, ok bool, err error) {
	if matcher.err != nil {
		return false, false, matcher.err
	}
	if (matcher.typ != "" && e.Type != matcher.typ) || (matcher.vu != 0 && e.VU != matcher.vu) ||
		(matcher.socket != 0 && e.Socket != matcher.socket) {
		return false, false, nil
	}
	if ok, err := matcher.url.match(e.URL); !ok || err != nil {
		return false, false, err
	}
	if ok, err := matcher.data.match(eventData(e)); !ok || err != nil {
		return true, false, err
	}
	for _, w := range matcher.where {
		if ok, err := w.Match(e); !ok || err != nil {
			return true, false, err
		}
	}
	return true, true, nil
}

// eventData is what a data matcher sees of an event.
func eventData(e wstest.Event) any {
	switch e.Type {
	case "error":
		return e.Error
	case "close":
		return e.Code
	}
	return e.Data
}

func (matcher *EventMatcher) name() string {
	if matcher.received {
		return "HaveReceived"
	}
	return "HaveEvent"
}

// describe says what the matcher looks for, times aside.
func (matcher *EventMatcher) describe() string {
	var b strings.Builder
	switch {
	case matcher.received:
		b.WriteString("a received message")
	case matcher.typ == "":
		b.WriteString("an event")
	default:
		article := "a"
		if matcher.typ == "open" || matcher.typ == "error" {
			article = "an"
		}
		fmt.Fprintf(&b, "%s %s event", article, matcher.typ)
	}
	if matcher.data.set {
		fmt.Fprintf(&b, " with %s %s", dataName(matcher.typ), matcher.data)
	}
	if matcher.url.set {
		if s, ok := matcher.url.val.(string); ok && matcher.url.m == nil {
			fmt.Fprintf(&b, " on URL %s", s)
		} else {
			fmt.Fprintf(&b, " on a URL %s", matcher.url)
		}
	}
	if matcher.vu != 0 {
		fmt.Fprintf(&b, " from VU %d", matcher.vu)
	}
	if matcher.socket != 0 {
		fmt.Fprintf(&b, " on socket %d", matcher.socket)
	}
	for _, w := range matcher.where {
		fmt.Fprintf(&b, " where the event is %s", expectation{m: w, set: true})
	}
	return b.String()
}

func dataName(typ string) string {
	switch typ {
	case "error":
		return "error text"
	case "close":
		return "code"
	}
	return "data"
}

func (matcher *EventMatcher) expected() string {
	s := matcher.describe()
	if matcher.times.set {
		s += ", a number of times " + matcher.times.String()
	}
	return s
}

// FailureMessage is part of types.GomegaMatcher.
func (matcher *EventMatcher) FailureMessage(any) (msg string) {
	defer func() { msg += matcher.subject.eventsNote() }()
	events := matcher.subject.res.Events
	msg = fmt.Sprintf("Expected %s to have %s\n", matcher.subject.name(), matcher.expected())
	switch {
	case len(matcher.matched) > 0:
		return msg + fmt.Sprintf("but %d of its %d events match:\n%s",
			len(matcher.matched), len(events), listed(stringsOf(matcher.matched)))
	case len(matcher.candidates) > 0:
		msg += fmt.Sprintf("but none of its %d events matches; these %d are near misses:\n%s",
			len(events), len(matcher.candidates), listed(stringsOf(matcher.candidates)))
		if why := matcher.firstWhy(matcher.candidates[0]); why != "" {
			msg += "the first one fails with:\n" + indented(why)
		}
		return msg
	}
	return msg + fmt.Sprintf("but none of its %d events matches, and none is even of that type%s; they are:\n%s",
		len(events), matcher.scope(), listed(stringsOf(events)))
}

// scope names the filters for "none is of that type" messages.
func (matcher *EventMatcher) scope() string {
	var parts []string
	if matcher.url.set {
		parts = append(parts, "URL")
	}
	if matcher.vu != 0 {
		parts = append(parts, "VU")
	}
	if matcher.socket != 0 {
		parts = append(parts, "socket")
	}
	if len(parts) == 0 {
		return ""
	}
	return " on that " + strings.Join(parts, "/")
}

// firstWhy is the failure message of the first data or Where matcher that
// rejects e.
func (matcher *EventMatcher) firstWhy(e wstest.Event) string {
	if ok, _ := matcher.data.match(eventData(e)); !ok {
		return matcher.data.why(eventData(e))
	}
	for _, w := range matcher.where {
		if ok, _ := w.Match(e); !ok {
			return w.FailureMessage(e)
		}
	}
	return ""
}

// NegatedFailureMessage is part of types.GomegaMatcher.
func (matcher *EventMatcher) NegatedFailureMessage(any) string {
	return fmt.Sprintf("Expected %s not to have %s\nbut %d of its %d events match:\n%s",
		matcher.subject.name(), matcher.expected(), len(matcher.matched), len(matcher.subject.res.Events),
		listed(stringsOf(matcher.matched)))
}
