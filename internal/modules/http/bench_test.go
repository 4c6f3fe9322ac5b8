package http_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/wsk6/wstest/wstest"
)

// benchVUs is the concurrency of both sides of the GET benchmarks.
const benchVUs = 10

func benchServer(b *testing.B) *httptest.Server {
	b.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = io.WriteString(w, "hello, this is a small response body")
	}))
	b.Cleanup(srv.Close)
	return srv
}

// moduleGets runs about n GETs through k6/http on benchVUs VUs (one
// iteration each, a loop of GETs in it) and returns the time they took.
func moduleGets(b *testing.B, url string, n int, opts ...wstest.Option) time.Duration {
	b.Helper()
	src := `import http from "k6/http";
export default function () { for (let i = 0; i < __ENV.PER; i++) http.get(__ENV.URL); }`
	start := time.Now()
	opts = append([]wstest.Option{wstest.WithEnv("URL", url), wstest.WithEnv("PER", strconv.Itoa((n+benchVUs-1)/benchVUs)),
		wstest.WithVUs(benchVUs), wstest.WithIterations(benchVUs), wstest.WithoutSamples()}, opts...)
	res, err := wstest.Run(context.Background(), wstest.Script{Name: "bench.js", Source: src}, opts...)
	d := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Errors) > 0 {
		b.Fatal(res.Errors)
	}
	return d
}

// goGets runs n GETs with benchVUs goroutines, each with its own
// transport (as each VU has), each waiting on lim first when it is not
// nil, and returns the time they took.
func goGets(b *testing.B, url string, n int, lim *rate.Limiter) time.Duration {
	b.Helper()
	var left atomic.Int64
	left.Store(int64(n))
	var wg sync.WaitGroup
	start := time.Now()
	for range benchVUs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{}
			defer tr.CloseIdleConnections()
			cl := &http.Client{Transport: tr}
			for left.Add(-1) >= 0 {
				if lim != nil {
					if err := lim.Wait(context.Background()); err != nil {
						b.Error(err)
						return
					}
				}
				resp, err := cl.Get(url)
				if err != nil {
					b.Error(err)
					return
				}
				_, _ = io.ReadAll(resp.Body)
				_ = resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	return time.Since(start)
}

// BenchmarkGetModule is b.N GETs through k6/http on 10 VUs.
func BenchmarkGetModule(b *testing.B) {
	srv := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	d := moduleGets(b, srv.URL, b.N)
	b.ReportMetric(float64(b.N)/d.Seconds(), "req/s")
}

// BenchmarkGetGo is b.N GETs with a plain Go client loop on 10 goroutines.
func BenchmarkGetGo(b *testing.B) {
	srv := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	d := goGets(b, srv.URL, b.N, nil)
	b.ReportMetric(float64(b.N)/d.Seconds(), "req/s")
}

// BenchmarkGetRatio alternates both sides, 5,000 GETs each per round, and
// reports k6/http's requests per second as a ratio to the Go loop's.
func BenchmarkGetRatio(b *testing.B) {
	srv := benchServer(b)
	const n = 5000
	var js, gos time.Duration
	for range b.N {
		js += moduleGets(b, srv.URL, n)
		gos += goGets(b, srv.URL, n, nil)
	}
	b.ReportMetric(gos.Seconds()/js.Seconds(), "ratio")
	b.ReportMetric(float64(n*b.N)/js.Seconds(), "js-req/s")
	b.ReportMetric(float64(n*b.N)/gos.Seconds(), "go-req/s")
}

// benchRPS is the rps limit of the limiter benchmarks: below what either
// side reaches unlimited on a small machine, so the limiter binds.
const benchRPS = 2000

// BenchmarkGetRPSModule is b.N GETs through k6/http on 10 VUs under the
// rps option: it should come to benchRPS req/s.
func BenchmarkGetRPSModule(b *testing.B) {
	srv := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	d := moduleGets(b, srv.URL, b.N, wstest.WithOptionText("rps", strconv.Itoa(benchRPS)))
	b.ReportMetric(float64(b.N)/d.Seconds(), "req/s")
}

// BenchmarkGetRPSGo is b.N GETs of the plain Go loop on 10 goroutines
// sharing one limiter built as the rps option builds it.
func BenchmarkGetRPSGo(b *testing.B) {
	srv := benchServer(b)
	b.ReportAllocs()
	b.ResetTimer()
	d := goGets(b, srv.URL, b.N, rate.NewLimiter(benchRPS, 1))
	b.ReportMetric(float64(b.N)/d.Seconds(), "req/s")
}
