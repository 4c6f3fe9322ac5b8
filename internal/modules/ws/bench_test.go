package ws_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/wstest"
)

// TestHelperFixtureServer is not a test: the benchmarks run the test binary
// again with WSTEST_FIXTURE_HELPER=1 to get a fixture server in another
// process, so that the server's CPU is not measured.
func TestHelperFixtureServer(t *testing.T) {
	if os.Getenv("WSTEST_FIXTURE_HELPER") != "1" {
		t.Skip("helper process for the benchmarks")
	}
	srv := fixtures.NewServer()
	fmt.Println("URL=" + srv.URL)
	_, _ = io.Copy(io.Discard, os.Stdin)
	srv.Close()
}

// startHelperServer starts the fixture server process and returns its URL.
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

// pingPongSockets is the number of concurrent sockets, as in the
// k6/websockets benchmark (there 10 VUs x 4 sockets; connect blocks, so
// here 40 VUs x 1 socket).
const pingPongSockets = 40

// benchScript: 40 VUs, one socket each, ROUNDS echo round trips of 100 bytes.
const benchScript = `
import ws from "k6/ws";
export const options = { scenarios: { s: { executor: "per-vu-iterations", vus: 40, iterations: 1 } } };
const rounds = Number(__ENV.ROUNDS);
const payload = "x".repeat(100);
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    let n = 0;
    socket.on("open", () => socket.send(payload));
    socket.on("message", () => { if (++n < rounds) socket.send(payload); else socket.close(1000); });
  });
}`

// pingPongJS runs benchScript and returns the messages received per second.
func pingPongJS(b *testing.B, url string, rounds int) float64 {
	b.Helper()
	start := time.Now()
	res, err := wstest.Run(context.Background(), wstest.Script{Name: "bench.js", Source: benchScript},
		wstest.WithEnv("URL", url), wstest.WithEnv("ROUNDS", strconv.Itoa(rounds)), wstest.WithoutSamples())
	if err != nil {
		b.Fatal(err)
	}
	if got := res.Metric("ws_msgs_received").Count(); got != int64(pingPongSockets*rounds) || len(res.Errors) > 0 {
		b.Fatalf("received %d messages, errors %v", got, res.Errors)
	}
	return float64(pingPongSockets*rounds) / time.Since(start).Seconds()
}

// pingPongGo does the same work with plain gorilla clients.
func pingPongGo(b *testing.B, url string, rounds int) float64 {
	b.Helper()
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
	return float64(pingPongSockets*rounds) / time.Since(start).Seconds()
}

// BenchmarkPingPongRatio runs, per op, the k6/ws ping-pong and then the Go
// one (2,000 round trips per socket each) and reports the median of the
// throughput ratios. Run it with -benchtime=5x or more.
func BenchmarkPingPongRatio(b *testing.B) {
	url := startHelperServer(b)
	const rounds = 2000
	var ratios, jsRates, goRates []float64
	for range b.N {
		js := pingPongJS(b, url, rounds)
		plain := pingPongGo(b, url, rounds)
		ratios = append(ratios, js/plain)
		jsRates = append(jsRates, js)
		goRates = append(goRates, plain)
	}
	b.ReportMetric(median(ratios), "js/go")
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
