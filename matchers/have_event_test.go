package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// runEvents runs eventsScript against a fresh fixture server.
func runEvents(t *testing.T) (*wstest.Result, string) {
	t.Helper()
	srv := fixtures.NewServer()
	t.Cleanup(srv.Close)
	return scripttest.Run(t, eventsScript, wstest.WithEnv("WSTEST_URL", srv.URL)), srv.URL
}

func TestHaveEvent(t *testing.T) {
	res, base := runEvents(t)
	echo := base + "/echo"
	runMatcherCases(t, res, []matcherCase{
		{"an open event", HaveEvent("open"), true, []string{
			"Expected the run not to have an open event\nbut 2 of its", echo + " open",
		}},
		{"a message by data", HaveEvent("message", "world"), true, nil},
		{"a message by matcher", HaveEvent("message", HavePrefix("hel")).OnURL(echo), true, nil},
		{"a URL matcher", HaveEvent("open").OnURL(HaveSuffix("/close/4000")), true, nil},
		{"a close by code", HaveEvent("close", 4000), true, nil},
		{"a close by reason", HaveEvent("close").Where(HaveField("Reason", "fixture close")), true, nil},
		{"an error", HaveEvent("error").OnURL(base + "/status/403"), true, nil},
		{"any type on a socket", HaveEvent("").OnSocket(1).Times(4), true, nil},
		{"a count", HaveEvent("message").Times(2), true, nil},
		{"a count by matcher", HaveEvent("close").Times(BeNumerically(">=", 2)), true, nil},
		{"for the VU", HaveEvent("open").ForVU(1), true, nil},
		{"received", HaveReceived("hello").OnURL(echo), true, []string{
			`not to have a received message with data equal to "hello" on URL ` + echo,
		}},
		{"wrong data lists the near misses", HaveEvent("message", "bye"), false, []string{
			`Expected the run to have a message event with data equal to "bye"`,
			"these 2 are near misses:", `/echo message text "hello"`, `/echo message text "world"`,
		}},
		{"a data matcher's own message", HaveReceived(ContainSubstring("CHAT")), false, []string{
			"the first one fails with:", "to contain substring",
		}},
		{"a type not seen lists every event", HaveEvent("ping"), false, []string{
			"but none of its", "events matches, and none is even of that type; they are:",
			"socket=1 " + echo + " open", "socket=2 " + base + "/close/4000 close code=4000",
		}},
		{"a filter that keeps nothing", HaveEvent("open").ForVU(2), false, []string{
			"an open event from VU 2", "none is even of that type on that VU",
		}},
		{"a wrong count lists the matches", HaveEvent("message").Times(3), false, []string{
			"a message event, a number of times equal to 3", "but 2 of its", "events match:",
		}},
		{"a Where that fails", HaveEvent("close").Where(HaveField("Reason", "nope")), false, []string{
			"where the event is matching HaveFieldMatcher", "near misses", "the first one fails with:",
		}},
	})
	runMatcherCases(t, res.Events, []matcherCase{
		{"a []Event", HaveEvent("close", 1000).OnURL(echo), true, nil},
	})
}

func TestHaveEventMisuse(t *testing.T) {
	res, _ := runEvents(t)
	runMisuseCases(t, []misuseCase{
		{"an unknown type", HaveEvent("msg"), res, `unknown event type "msg"`},
		{"data on open", HaveEvent("open", "x"), res, `an event of type "open" has no data to match; use Where`},
		{"two data", HaveEvent("message", "a", "b"), res, "at most one data matcher or value, got 2"},
		{"not a run", HaveEvent("open"), 3, "HaveEvent matcher expects a *wstest.Result, a *wstest.LiveRun or a []wstest.Event"},
		{"received on no run", HaveReceived("x"), nil, "HaveReceived matcher expects"},
		{"a failing Where", HaveEvent("open").Where(BeNumerically(">", 1)), res, "Expected a number"},
	})
}

func TestHaveEventsInOrder(t *testing.T) {
	res, base := runEvents(t)
	echo := base + "/echo"
	runMatcherCases(t, res, []matcherCase{
		{"types in order", HaveEventsInOrder("open", "message", "close", "error"), true, []string{
			"Expected the run not to have events in this order:\n    1. an open event\n    2. a message event",
			"but it has them:\n    #1 ", " open\n",
		}},
		{"matchers in order", HaveEventsInOrder(HaveReceived("hello"), HaveReceived("world"), HaveEvent("close", 1000).OnURL(echo)), true, nil},
		{"a plain Event matcher", HaveEventsInOrder(HaveField("Type", "open"), "close"), true, nil},
		{"every socket opened then closed", HaveEventsInOrder("open", "close").OnEverySocket(), false, []string{
			"events in this order on every socket:", "but step 1 matches none of the 2 events on socket 3",
			"the events on socket 3 are:", "/status/403 error",
		}},
		{"the wrong order", HaveEventsInOrder(HaveReceived("world"), HaveReceived("hello")), false, []string{
			`1. a received message with data equal to "world"`,
			"but steps 1 to 1 match (step 1 at event #3:", "and step 2 matches none of the",
			"the events are:\n    #1 vu=1",
		}},
		{"a step never seen", HaveEventsInOrder("open", "ping"), false, []string{
			"and step 2 matches none of the",
		}},
	})
	runMatcherCases(t, res.Events[:4], []matcherCase{
		{"one socket", HaveEventsInOrder("open", "message", "message", "close").OnEverySocket(), true, []string{
			"but all of its 1 sockets have them; the last one, socket 1:",
		}},
	})
	runMatcherCases(t, []wstest.Event{}, []matcherCase{
		{"no sockets", HaveEventsInOrder("open").OnEverySocket(), false, []string{"but it has no sockets"}},
	})
	runMisuseCases(t, []misuseCase{
		{"no steps", HaveEventsInOrder(), res, "needs at least one step"},
		{"a bad step", HaveEventsInOrder(42), res, "step 1 is a int"},
		{"a bad type", HaveEventsInOrder("opened"), res, `unknown event type "opened"`},
	})
}

func TestEventMatchersOnALiveRun(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	run := startScript(t, eventsScript, wstest.WithEnv("WSTEST_URL", srv.URL))
	g.Eventually(run).Should(HaveEvent("error"))
	g.Eventually(run.Events).Should(HaveEventsInOrder("open", "close", "open", "close"))
	<-run.Done()
	g.Expect(run).To(HaveReceived("world"))
	g.Expect(HaveEvent("open").MatchMayChangeInTheFuture(run)).To(BeFalse())
}
