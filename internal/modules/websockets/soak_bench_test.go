package websockets_test

import (
	"bufio"
	"context"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wsk6/wstest/wstest"
)

// rssSampler samples the process's resident set every 50 ms.
type rssSampler struct {
	start   time.Time
	stop    chan struct{}
	done    chan struct{}
	mu      sync.Mutex
	first   int64 // the largest sample in the first second
	peak    int64
	samples int
}

func startRSS() *rssSampler {
	debug.FreeOSMemory()
	s := &rssSampler{start: time.Now(), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			rss := readRSS()
			s.mu.Lock()
			s.samples++
			s.peak = max(s.peak, rss)
			if time.Since(s.start) <= time.Second {
				s.first = max(s.first, rss)
			}
			s.mu.Unlock()
			select {
			case <-t.C:
			case <-s.stop:
				return
			}
		}
	}()
	return s
}

// end stops sampling and reports rss-1s-MB, rss-peak-MB and peak/1s.
func (s *rssSampler) end(b *testing.B) {
	close(s.stop)
	<-s.done
	const mb = 1 << 20
	b.ReportMetric(float64(s.first)/mb, "rss-1s-MB")
	b.ReportMetric(float64(s.peak)/mb, "rss-peak-MB")
	if s.first > 0 {
		b.ReportMetric(float64(s.peak)/float64(s.first), "peak/1s")
	}
}

// readRSS is VmRSS of /proc/self/status in bytes (0 when unknown).
func readRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// soakRun runs src with __ENV.URL and __ENV.S (seconds) set and returns
// the run's console lines.
func soakRun(b *testing.B, url, src string, seconds int, opts ...wstest.Option) []string {
	b.Helper()
	var mu sync.Mutex
	var lines []string
	opts = append([]wstest.Option{wstest.WithEnv("URL", url), wstest.WithEnv("S", strconv.Itoa(seconds)),
		wstest.WithLogOutput(func(e wstest.LogEntry) {
			mu.Lock()
			lines = append(lines, e.Message)
			mu.Unlock()
		})}, opts...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(seconds+60)*time.Second)
	defer cancel()
	if _, err := wstest.Run(ctx, wstest.Script{Name: "soak.js", Source: src}, opts...); err != nil {
		b.Fatal(err)
	}
	return lines
}

// BenchmarkSoakSteady: one socket receives a steady 20,000 messages of
// 100 bytes a second that the handler keeps up with, for b.N seconds
// (-benchtime=60x is the minute). "kept-none" keeps no events or
// samples (as the command line will); "go-defaults" keeps them up to the
// Go API's default limits. RSS is sampled every 50 ms.
func BenchmarkSoakSteady(b *testing.B) {
	url := startHelper(b, "TestHelperSoakServer", "WSTEST_SOAK_HELPER")
	for _, tc := range []struct {
		name string
		opts []wstest.Option
	}{
		{"kept-none", []wstest.Option{wstest.WithoutSamples(), wstest.WithEventLimit(0)}},
		{"go-defaults", nil},
	} {
		b.Run(tc.name, func(b *testing.B) {
			rss := startRSS()
			lines := soakRun(b, url, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/steady?rate=20000&size=100&seconds=" + __ENV.S);
  let n = 0;
  ws.onmessage = (e) => { n += e.data.length > 0 ? 1 : 0; };
  ws.onclose = () => console.log("received " + n);
}`, b.N, tc.opts...)
			rss.end(b)
			reportReceived(b, lines)
		})
	}
}

// BenchmarkSoakFlood: a server sends 1 KiB messages as fast as TCP takes
// them for b.N seconds to a handler that cannot keep up (-benchtime=20x
// is the case). Backpressure bounds what the VU holds.
func BenchmarkSoakFlood(b *testing.B) {
	url := startHelper(b, "TestHelperSoakServer", "WSTEST_SOAK_HELPER")
	for _, backlog := range []int64{wstest.DefaultReceiveBacklog, 16 << 20} {
		b.Run("backlog="+strconv.FormatInt(backlog>>20, 10)+"MiB", func(b *testing.B) {
			rss := startRSS()
			lines := soakRun(b, url, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/flood?size=1024&seconds=" + __ENV.S);
  let n = 0;
  ws.onmessage = (e) => { let h = 0; for (let i = 0; i < 300; i++) h = (h * 31 + i) | 0; n++; };
  ws.onclose = () => console.log("received " + n);
}`, b.N, wstest.WithoutSamples(), wstest.WithEventLimit(0), wstest.WithReceiveBacklog(backlog))
			rss.end(b)
			reportReceived(b, lines)
		})
	}
}

// BenchmarkSoakBomb: one permessage-deflate message of 1 GiB of zeros
// (about 1 MiB on the wire) against the default 256 MiB limit: refused
// with close 1009.
func BenchmarkSoakBomb(b *testing.B) {
	url := startHelper(b, "TestHelperSoakServer", "WSTEST_SOAK_HELPER")
	rss := startRSS()
	for range b.N {
		lines := soakRun(b, url, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/bomb?mib=1024", null, { compression: "deflate" });
  ws.onmessage = () => console.log("held");
  ws.onerror = (e) => console.log("error " + e.error);
  ws.onclose = (e) => console.log("close " + e.code);
}`, 0, wstest.WithoutSamples(), wstest.WithEventLimit(0))
		if len(lines) != 2 || !strings.Contains(lines[0], "message too big") || lines[1] != "close 1009" {
			b.Fatalf("logs %q", lines)
		}
	}
	rss.end(b)
}

// BenchmarkSoakStalled: 100 MiB sent (1,600 sends of 64 KiB) to a peer
// that never reads, held for a second, then the socket is cut.
func BenchmarkSoakStalled(b *testing.B) {
	url := startHelper(b, "TestHelperSoakServer", "WSTEST_SOAK_HELPER")
	rss := startRSS()
	for range b.N {
		lines := soakRun(b, url, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/stalled", null, { closeTimeout: "200ms" });
  ws.binaryType = "arraybuffer";
  ws.onopen = () => {
    const chunk = new Uint8Array(64 << 10).buffer;
    for (let i = 0; i < 1600; i++) ws.send(chunk);
    console.log("buffered " + ws.bufferedAmount);
    setTimeout(() => ws.close(), 1000);
  };
}`, 0, wstest.WithoutSamples(), wstest.WithEventLimit(0))
		if len(lines) != 1 || lines[0] != "buffered 104857600" {
			b.Fatalf("logs %q", lines)
		}
	}
	rss.end(b)
}

// reportReceived reports msgs/s from the script's "received N" line.
func reportReceived(b *testing.B, lines []string) {
	b.Helper()
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "received "); ok {
			n, _ := strconv.ParseFloat(rest, 64)
			b.ReportMetric(n/float64(b.N), "msgs/s")
			return
		}
	}
	b.Fatalf("no count in %q", lines)
}
