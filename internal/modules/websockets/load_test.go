package websockets_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

// pingPongScript opens SOCKETS sockets in one VU; each does ROUNDS echo
// round trips of a 100-byte text, then pings once and closes.
const pingPongScript = `
import { WebSocket } from "k6/websockets";
const sockets = Number(__ENV.SOCKETS), rounds = Number(__ENV.ROUNDS);
const payload = "x".repeat(100);
export default function () {
  let closed = 0;
  for (let i = 0; i < sockets; i++) {
    const ws = new WebSocket(__ENV.URL + "/echo");
    let n = 0;
    ws.onopen = () => ws.send(payload);
    ws.onmessage = () => { if (++n < rounds) ws.send(payload); else ws.ping(); };
    ws.onpong = () => ws.close();
    ws.onclose = (e) => { if (e.code === 1000) closed++; if (closed === sockets) console.log("all closed"); };
  }
}`

// TestThousandSockets: one VU with 1,000 concurrent sockets doing
// ping-pong; the ws_* counts are exact and no goroutine is left (goleak in
// TestMain).
func TestThousandSockets(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	const sockets, rounds = 1000, 3
	res := run(t, srv, pingPongScript, wstest.WithEnv("SOCKETS", "1000"), wstest.WithEnv("ROUNDS", "3"))
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"all closed"}))
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(sockets))
	g.Expect(count(res, "ws_connecting")).To(BeEquivalentTo(sockets))
	g.Expect(count(res, "ws_session_duration")).To(BeEquivalentTo(sockets))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(sockets * rounds))
	g.Expect(count(res, "ws_msgs_received")).To(BeEquivalentTo(sockets * rounds))
	g.Expect(count(res, "ws_ping")).To(BeEquivalentTo(sockets))
	g.Expect(res.Iterations).To(BeEquivalentTo(1))
}

// TestCancelledRun: cancelling the run while sockets are open (endless
// ping-pong) ends it promptly, without waiting for close timeouts, and
// leaves no goroutine behind.
func TestCancelledRun(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	run := wstest.Start(ctx, wstest.Script{Name: "test.js", Source: `
import { WebSocket } from "k6/websockets";
export default function () {
  for (let i = 0; i < 50; i++) {
    const ws = new WebSocket(__ENV.URL + "/echo", null, {closeTimeout: "30s"});
    ws.onopen = () => ws.send("x");
    ws.onmessage = (e) => { try { ws.send(e.data); } catch (err) {} };
  }
  new WebSocket(__ENV.URL + "/slow?delay=30s");
}`}, wstest.WithEnv("URL", srv.URL))
	g.Expect(srv.WaitFor(ctx, func(recs []fixtures.ConnRecord) bool {
		busy, slow := 0, 0
		for _, r := range recs {
			if len(r.Frames) >= 3 {
				busy++
			}
			if r.Route == "/slow" {
				slow++
			}
		}
		return busy == 50 && slow == 1
	})).To(Succeed())
	start := time.Now()
	cancel()
	_, _ = run.Wait()
	g.Expect(time.Since(start)).To(BeNumerically("<", 3*time.Second))
}

// TestExceptionWithOtherSocketsOpen: spec 8.2, an exception in one socket's
// listener ends the iteration; the other open sockets are closed and the
// run does not lock up.
func TestExceptionWithOtherSocketsOpen(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	start := time.Now()
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  for (let i = 0; i < 200; i++) {
    const ws = new WebSocket(__ENV.URL + "/echo");
    ws.onopen = () => ws.ping();
    ws.onpong = () => ws.ping();
  }
  const bad = new WebSocket(__ENV.URL + "/echo");
  bad.onopen = () => bad.close();
  bad.onclose = () => { throw new Error("s"); };
}`)
	g.Expect(time.Since(start)).To(BeNumerically("<", 10*time.Second))
	g.Expect(errorTexts(res)).To(ConsistOf("Error: s"))
}

// TestCancelledRunWithHeldData: cancelling a run while a stalled peer holds
// back megabytes of sent data ends it at once, and the flusher goroutine
// ends with it (goleak checks the package).
func TestCancelledRunWithHeldData(t *testing.T) {
	g := NewWithT(t)
	base := newHostileServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	held := make(chan struct{})
	var once sync.Once
	run := wstest.Start(ctx, wstest.Script{Name: "test.js", Source: `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("` + base + `/stalled", null, {closeTimeout: "30s"});
  ws.onopen = () => {
    for (let i = 0; i < 512; i++) ws.send("x".repeat(64 * 1024));
    setTimeout(() => console.log("held", ws.bufferedAmount), 10);
  };
}`}, wstest.WithLogOutput(func(e wstest.LogEntry) {
		if strings.HasPrefix(e.Message, "held") {
			once.Do(func() { close(held) })
		}
	}))
	select {
	case <-held:
	case <-run.Done():
		t.Fatal("the run ended before its data was held back")
	}
	start := time.Now()
	cancel()
	_, _ = run.Wait()
	g.Expect(time.Since(start)).To(BeNumerically("<", 3*time.Second))
}
