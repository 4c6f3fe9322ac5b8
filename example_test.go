package wstest_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// TestMain runs the tour's examples and checks that no goroutine outlives
// them.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// chatScript has three sockets of one VU meet in a crocochat room. Once
// every join has been announced (each member hears its own join and those
// after it: 3+2+1 = 6 announcements), the first socket says hello, and
// each socket closes when it hears it. So the run always has 3 opens,
// 6 + 3 messages and 3 closes.
const chatScript = `
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export default function () {
  const room = __ENV.WSTEST_URL + "/ws/crocochat/tour/";
  const sockets = [];
  let joins = 0;
  for (let i = 0; i < 3; i++) {
    const ws = new WebSocket(room);
    sockets.push(ws);
    ws.onmessage = (e) => {
      const msg = JSON.parse(e.data);
      if (msg.event === "USER_JOINED" && ++joins === 6) {
        sockets[0].send(JSON.stringify({ event: "SAY", message: "hello, crocs" }));
      }
      if (msg.event === "CHAT_MSG") {
        check(msg, { "heard the greeting": (m) => m.message === "hello, crocs" });
        ws.close();
      }
    };
  }
}
`

// Example is the tour: start a fixture server, run a chat script with
// several sockets against it, then look at the result with the matchers.
func Example() {
	srv := fixtures.NewServer()
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := wstest.Run(ctx, wstest.Script{Name: "chat.js", Source: chatScript},
		wstest.WithEnv("WSTEST_URL", srv.URL))
	if err != nil {
		fmt.Println("run:", err)
		return
	}

	// Outside a test, a Gomega that prints its failures.
	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println("FAIL:", msg) })
	g.Expect(res).To(matchers.PassChecks())
	g.Expect(res).To(matchers.HaveNoErrors())
	g.Expect(res).To(matchers.HaveMetric("ws_sessions", 3))
	g.Expect(res).To(matchers.HaveReceived(gomega.ContainSubstring(`"message":"hello, crocs"`)).Times(3))
	g.Expect(res).To(matchers.HaveEventsInOrder("open", "message", "close").OnEverySocket())
	g.Expect(res).To(matchers.HaveEvent("close", 1000).Times(3))

	byType := map[string]int{}
	for _, e := range res.Events {
		byType[e.Type]++
	}
	for _, typ := range []string{"open", "message", "close", "error"} {
		fmt.Println(typ, byType[typ])
	}
	// Output:
	// open 3
	// message 9
	// close 3
	// error 0
}

// Example_demoHost runs examples/chat.js, written for the public demo
// server wss://test-api.k6.io, against a local TLS fixture instead, with
// its timers 100 times faster: what `wstest run --fixture-host
// test-api.k6.io --time-scale 0.01` does.
func Example_demoHost() {
	const host = "test-api.k6.io"
	plain := fixtures.NewServer()
	defer plain.Close()
	secure := fixtures.NewTLSServer(fixtures.WithTLSNames(host))
	defer secure.Close()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := wstest.RunFile(ctx, "examples/chat.js",
		wstest.WithRedirect(host, plain.Addr, secure.Addr),
		wstest.WithRootCAs(secure.CertPool()),
		wstest.WithTimeScale(0.01),
	)
	if err != nil {
		fmt.Println("run:", err)
		return
	}

	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println("FAIL:", msg) })
	g.Expect(res).To(matchers.HaveCheck("the room let us go", 8, 0))
	g.Expect(res).To(matchers.HaveEvent("open").OnURL("wss://test-api.k6.io/ws/crocochat/lounge_1/").Times(4))
	g.Expect(res).To(matchers.HaveMetricStat("ws_session_duration", "count", 8))

	sessions, _ := res.Metric("ws_sessions").Stat("count")
	fmt.Println("sessions:", sessions, "thresholds passed:", res.ThresholdsPassed())
	// Output:
	// sessions: 8 thresholds passed: true
}
