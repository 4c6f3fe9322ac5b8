package matchers_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// echoTwice sends two messages to the echo route and closes after both
// came back.
const echoTwice = `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.WSTEST_URL + "/echo");
  let n = 0;
  ws.onopen = () => { ws.send("ping 1"); ws.send("ping 2"); };
  ws.onmessage = () => { if (++n === 2) ws.close(); };
}
`

// runEcho runs echoTwice against a fresh fixture server.
func runEcho() (*wstest.Result, string) {
	srv := fixtures.NewServer()
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := wstest.Run(ctx, wstest.Script{Name: "echo.js", Source: echoTwice}, wstest.WithEnv("WSTEST_URL", srv.URL))
	if err != nil {
		panic(err)
	}
	return res, srv.URL + "/echo"
}

func ExampleHaveEvent() {
	res, url := runEcho()
	m := matchers.HaveEvent("message", "ping 2").OnURL(url).ForVU(1)
	ok, _ := m.Match(res)
	fmt.Println(ok)

	m = matchers.HaveEvent("close", 4000)
	ok, _ = m.Match(res)
	fmt.Println(ok)
	// Output:
	// true
	// false
}

func ExampleHaveEventsInOrder() {
	res, _ := runEcho()
	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println(msg) })
	g.Expect(res).To(matchers.HaveEventsInOrder("open", matchers.HaveReceived("ping 1"), matchers.HaveReceived("ping 2"), "close").OnEverySocket())
	fmt.Println("in order")
	// Output: in order
}

func ExampleHaveMetric() {
	res, url := runEcho()
	g := gomega.NewGomega(func(msg string, _ ...int) { fmt.Println(msg) })
	g.Expect(res).To(matchers.HaveMetric("ws_msgs_received{url:"+url+"}", 2))
	g.Expect(res).To(matchers.HaveMetricStat("ws_connecting", "max", gomega.BeNumerically("<", 5000)))

	// A typo is answered with the closest names.
	m := matchers.HaveMetric("ws_msg_sent")
	_, _ = m.Match(res)
	msg, _, _ := strings.Cut(m.FailureMessage(res), " (of ")
	fmt.Println(msg)
	// Output:
	// Expected the run to have metric ws_msg_sent with samples
	// but it has no metric "ws_msg_sent"; closest names: ws_msgs_sent
}

func ExamplePassChecks() {
	res, _ := runEcho()
	ok, _ := matchers.PassChecks().Match(res)
	fmt.Println(ok)
	// Output: true
}
