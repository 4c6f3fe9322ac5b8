package wstest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/websocket"
	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// reportingT stands in for a test function's *testing.T in these
// examples: it prints what the test would fail with and drops the test
// log (the console lines and the end-of-test summary, which has timings).
type reportingT struct{ cleanups []func() }

func (*reportingT) Helper()             {}
func (*reportingT) Logf(string, ...any) {}
func (*reportingT) Errorf(format string, args ...any) {
	fmt.Printf("FAIL: "+format+"\n", args...)
}
func (*reportingT) Fatalf(format string, args ...any) {
	fmt.Printf("FAIL NOW: "+format+"\n", args...)
}
func (t *reportingT) Cleanup(f func()) { t.cleanups = append(t.cleanups, f) }

// end runs the cleanups, as the testing package does after the test.
func (t *reportingT) end() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}

func ExampleTest() {
	srv := fixtures.NewServer()
	defer srv.Close()

	t := &reportingT{} // in a test function: its *testing.T
	res := wstest.Test(t, "testdata/example_echo.js", wstest.WithEnv("URL", srv.URL))

	// The result is there for further assertions.
	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println(msg) })
	g.Expect(res).To(matchers.HaveCheck("echoed back", 2, 0))
	g.Expect(res).To(matchers.HaveMetric("ws_sessions", gomega.Equal(2)))
	// Output:
	// FAIL: testdata/example_echo.js:
	// check failed: "echoed in capitals" 2 of 2 failed
}

func ExampleRun() {
	srv := fixtures.NewServer()
	defer srv.Close()

	script := wstest.Script{Name: "inline.js", Source: `
		import { WebSocket } from "k6/websockets";
		export const options = { vus: 2, iterations: 4 };
		export default function () {
			const ws = new WebSocket(__ENV.URL + "/echo");
			ws.onopen = () => ws.send("hi from VU " + __VU);
			ws.onmessage = () => ws.close();
		}`}
	res, err := wstest.Run(context.Background(), script, wstest.WithEnv("URL", srv.URL))
	if err != nil {
		fmt.Println("the run could not happen:", err)
		return
	}
	fmt.Println("iterations:", res.Iterations)
	fmt.Println("sessions:", res.Metric("ws_sessions").Count())
	received := 0
	for _, e := range res.Events {
		if e.Type == "message" && strings.HasPrefix(e.Data, "hi from VU") {
			received++
		}
	}
	fmt.Println("echoes received:", received)
	// Output:
	// iterations: 4
	// sessions: 4
	// echoes received: 4
}

func ExampleStart() {
	srv := fixtures.NewServer()
	defer srv.Close()

	// The socket stays open until the run is stopped.
	script := wstest.Script{Name: "live.js", Source: `
		import { WebSocket } from "k6/websockets";
		export default function () {
			const ws = new WebSocket(__ENV.URL + "/echo");
			ws.onopen = () => ws.send("still here");
		}`}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	run := wstest.Start(ctx, script, wstest.WithEnv("URL", srv.URL))

	// Poll the live run while it goes on.
	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println(msg) })
	g.Eventually(run).WithTimeout(10 * time.Second).Should(matchers.HaveReceived("still here"))
	fmt.Println("heard the echo; finished:", run.Finished())

	// Stop it, and wait for its end. From a test, wstest.StartTest does
	// both at the test's cleanup.
	cancel()
	_, err := run.Wait()
	fmt.Println("stopped:", errors.Is(err, context.Canceled))
	// Output:
	// heard the echo; finished: false
	// stopped: true
}

func ExampleStartTest() {
	srv := fixtures.NewServer()
	defer srv.Close()

	t := &reportingT{} // in a test function: its *testing.T
	run := wstest.StartTest(t, wstest.Script{Name: "live.js", Source: `
		import { WebSocket } from "k6/websockets";
		export default function () {
			const ws = new WebSocket(__ENV.URL + "/echo");
			ws.onopen = () => ws.send("still here");
		}`}, wstest.WithEnv("URL", srv.URL))

	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println(msg) })
	g.Eventually(run).WithTimeout(10 * time.Second).Should(matchers.HaveReceived("still here"))

	t.end() // the test ends: its cleanup stops the run and waits for it
	fmt.Println("finished:", run.Finished())
	// Output:
	// finished: true
}

func ExampleWithHandler() {
	// The application's own handler: it answers in capitals.
	shout := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		for {
			_, p, err := c.ReadMessage()
			if err != nil {
				return
			}
			if c.WriteMessage(websocket.TextMessage, []byte(strings.ToUpper(string(p)))) != nil {
				return
			}
		}
	})

	// ws://app.test is served by the handler in memory: no listener.
	script := wstest.Script{Name: "shout.js", Source: `
		import { WebSocket } from "k6/websockets";
		export default function () {
			const ws = new WebSocket("ws://app.test/shout");
			ws.onopen = () => ws.send("hello");
			ws.onmessage = (e) => { console.log("got " + e.data); ws.close(); };
		}`}
	res, err := wstest.Run(context.Background(), script, wstest.WithHandler("app.test", shout))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range res.Logs {
		fmt.Println(l.Message)
	}
	// Output:
	// got HELLO
}
