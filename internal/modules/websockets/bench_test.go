package websockets_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest"
	"github.com/wsk6/wstest/fixtures"
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
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFixtureServer$")
	cmd.Env = append(os.Environ(), "WSTEST_FIXTURE_HELPER=1")
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

// BenchmarkPingPong compares the JS WebSocket with plain gorilla clients
// doing the same work; one op is one 100-byte round trip on each of the
// 40 sockets. msgs/s counts messages received by the clients.
func BenchmarkPingPong(b *testing.B) {
	url := startHelperServer(b)
	const sockets = 40
	b.Run("JS", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		start := time.Now()
		res, err := wstest.Run(context.Background(), wstest.Script{Name: "bench.js", Source: benchScript},
			wstest.WithEnv("URL", url), wstest.WithEnv("ROUNDS", strconv.Itoa(b.N)), wstest.WithoutSamples())
		if err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(start)
		if got := res.Metric("ws_msgs_received").Count(); got != int64(sockets*b.N) || len(res.Errors) > 0 {
			b.Fatalf("received %d messages, errors %v", got, res.Errors)
		}
		b.ReportMetric(float64(sockets*b.N)/elapsed.Seconds(), "msgs/s")
		b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(sockets*b.N), "cpu-µs/msg")
	})
	b.Run("Go", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		start := time.Now()
		payload := []byte(strings.Repeat("x", 100))
		var wg sync.WaitGroup
		errs := make(chan error, sockets)
		for range sockets {
			wg.Add(1)
			go func() {
				defer wg.Done()
				conn, _, err := websocket.DefaultDialer.Dial(url+"/echo", nil)
				if err != nil {
					errs <- err
					return
				}
				defer conn.Close()
				for range b.N {
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
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		b.ReportMetric(float64(sockets*b.N)/time.Since(start).Seconds(), "msgs/s")
		b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(sockets*b.N), "cpu-µs/msg")
	})
}

// cpuTime is the process's user and system CPU time so far, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
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
