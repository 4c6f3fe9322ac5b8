package websockets_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

// TestHelperFixtureServer is not a test: the benchmarks run the test binary
// again with WSTEST_FIXTURE_HELPER=1 to get a fixture server in another
// process, so that the server's memory and CPU are not measured.
func TestHelperFixtureServer(t *testing.T) {
	if os.Getenv("WSTEST_FIXTURE_HELPER") != "1" {
		t.Skip("helper process for the benchmarks")
	}
	srv := fixtures.NewServer()
	fmt.Println("URL=" + srv.URL)
	_, _ = io.Copy(io.Discard, os.Stdin)
	srv.Close()
}

// startHelperServer starts the fixture server process; its URL is returned
// and it stops at the end of the benchmark.
func startHelperServer(b *testing.B) string {
	b.Helper()
	return startHelper(b, "TestHelperFixtureServer", "WSTEST_FIXTURE_HELPER")
}

// startHelper runs the helper test name in another process with env=1 and
// returns the URL it prints; the process ends with the benchmark.
func startHelper(b *testing.B, name, env string) string {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$")
	cmd.Env = append(os.Environ(), env+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	})
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if url, ok := strings.CutPrefix(sc.Text(), "URL="); ok {
			go func() { _, _ = io.Copy(io.Discard, stdout) }()
			return url
		}
	}
	b.Fatal("the helper server printed no URL")
	return ""
}

// benchScript: 10 VUs x 4 sockets x ROUNDS echo round trips of 100 bytes.
const benchScript = `
import { WebSocket } from "k6/websockets";
export const options = { scenarios: { s: { executor: "per-vu-iterations", vus: 10, iterations: 1 } } };
const rounds = Number(__ENV.ROUNDS);
const payload = "x".repeat(100);
export default function () {
  for (let i = 0; i < 4; i++) {
    const ws = new WebSocket(__ENV.URL + "/echo");
    let n = 0;
    ws.onopen = () => ws.send(payload);
    ws.onmessage = () => { if (++n < rounds) ws.send(payload); else ws.close(); };
  }
}`

// pingPongSockets is the number of sockets of the ping-pong benchmarks:
// 10 VUs x 4.
const pingPongSockets = 40

// pingPongResult is one ping-pong round: messages received per second and
// the test process's CPU time per message.
type pingPongResult struct{ rate, cpuPerMsg float64 }

// pingPongJS runs benchScript with rounds round trips per socket.
func pingPongJS(b *testing.B, url string, rounds int) pingPongResult {
	b.Helper()
	cpu := cpuTime()
	start := time.Now()
	res, err := wstest.Run(context.Background(), wstest.Script{Name: "bench.js", Source: benchScript},
		wstest.WithEnv("URL", url), wstest.WithEnv("ROUNDS", strconv.Itoa(rounds)), wstest.WithoutSamples())
	if err != nil {
		b.Fatal(err)
	}
	elapsed := time.Since(start)
	if got := res.Metric("ws_msgs_received").Count(); got != int64(pingPongSockets*rounds) || len(res.Errors) > 0 {
		b.Fatalf("received %d messages, errors %v", got, res.Errors)
	}
	return measured(cpu, elapsed, rounds)
}

// pingPongGo does the same work with plain gorilla clients.
func pingPongGo(b *testing.B, url string, rounds int) pingPongResult {
	b.Helper()
	cpu := cpuTime()
	start := time.Now()
	payload := []byte(strings.Repeat("x", 100))
	var wg sync.WaitGroup
	errs := make(chan error, pingPongSockets)
	for range pingPongSockets {
		wg.Go(func() {
			conn, _, err := websocket.DefaultDialer.Dial(url+"/echo", nil)
			if err != nil {
				errs <- err
				return
			}
			defer conn.Close()
			for range rounds {
				if err := conn.WriteMessage(websocket.TextMessage, payload); err != nil {
					errs <- err
					return
				}
				if _, _, err := conn.ReadMessage(); err != nil {
					errs <- err
					return
				}
			}
			_ = conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""))
			_, _, _ = conn.ReadMessage()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	return measured(cpu, time.Since(start), rounds)
}

func measured(cpuBefore int64, elapsed time.Duration, rounds int) pingPongResult {
	msgs := float64(pingPongSockets * rounds)
	return pingPongResult{rate: msgs / elapsed.Seconds(), cpuPerMsg: float64(cpuTime()-cpuBefore) / 1e3 / msgs}
}

// BenchmarkPingPong measures the JS WebSocket and plain gorilla clients
// doing the same work, each on its own; one op is one 100-byte round trip
// on each of the 40 sockets. msgs/s counts messages received by the
// clients, cpu-µs/msg the test process's CPU time (the server runs in
// another process).
func BenchmarkPingPong(b *testing.B) {
	url := startHelperServer(b)
	for _, side := range []struct {
		name string
		run  func(*testing.B, string, int) pingPongResult
	}{{"JS", pingPongJS}, {"Go", pingPongGo}} {
		b.Run(side.name, func(b *testing.B) {
			b.ReportAllocs()
			r := side.run(b, url, b.N)
			b.ReportMetric(r.rate, "msgs/s")
			b.ReportMetric(r.cpuPerMsg, "cpu-µs/msg")
		})
	}
}

// BenchmarkPingPongRatio is the figure of the target: each op runs the JS
// ping-pong and then the Go one (2,000 round trips per socket each), so
// that both see the same machine, and js/go is the median of the per-op
// throughput ratios. Run it with -benchtime=5x or more.
func BenchmarkPingPongRatio(b *testing.B) {
	url := startHelperServer(b)
	const rounds = 2000
	var ratios, jsRates, goRates []float64
	for range b.N {
		js := pingPongJS(b, url, rounds)
		plain := pingPongGo(b, url, rounds)
		ratios = append(ratios, js.rate/plain.rate)
		jsRates = append(jsRates, js.rate)
		goRates = append(goRates, plain.rate)
	}
	b.ReportMetric(median(ratios), "js/go")
	b.ReportMetric(slices.Min(ratios), "min-js/go")
	b.ReportMetric(median(jsRates), "js-msgs/s")
	b.ReportMetric(median(goRates), "go-msgs/s")
}

// median returns the median of xs (not empty); it sorts xs.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// BenchmarkIdleSocketMemory opens 1,000 idle sockets in one VU and reports
// the heap and goroutine-stack growth per open socket (the server runs in
// another process).
func BenchmarkIdleSocketMemory(b *testing.B) {
	url := startHelperServer(b)
	const sockets = 1000
	for range b.N {
		before := memNow()
		ctx, cancel := context.WithCancel(context.Background())
		allOpen := make(chan struct{})
		var once sync.Once
		run := wstest.Start(ctx, wstest.Script{Name: "idle.js", Source: `
import { WebSocket } from "k6/websockets";
export default function () {
  let open = 0;
  for (let i = 0; i < 1000; i++) {
    const ws = new WebSocket(__ENV.URL + "/echo");
    ws.onopen = () => { if (++open === 1000) console.log("all open"); };
  }
}`}, wstest.WithEnv("URL", url), wstest.WithoutSamples(), wstest.WithLogOutput(func(e wstest.LogEntry) {
			if e.Message == "all open" {
				once.Do(func() { close(allOpen) })
			}
		}))
		select {
		case <-allOpen:
		case <-run.Done():
			cancel()
			_, err := run.Wait()
			b.Fatalf("the run ended before all sockets opened: %v", err)
		}
		after := memNow()
		cancel()
		_, _ = run.Wait()
		heap := float64(after.heap-before.heap) / sockets
		stack := float64(after.stack-before.stack) / sockets
		b.ReportMetric(heap, "heapB/socket")
		b.ReportMetric(stack, "stackB/socket")
		b.ReportMetric(heap+stack, "B/socket")
	}
}

type memSnapshot struct{ heap, stack int64 }

func memNow() memSnapshot {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return memSnapshot{heap: int64(ms.HeapAlloc), stack: int64(ms.StackInuse)}
}

// cpuTime is the process's user and system CPU time so far, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
