package metrics_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

func benchAdd(b *testing.B, typ metrics.Type, keep, parallel bool) {
	r := metrics.NewRegistry()
	r.SetKeepSamples(keep)
	m := r.MustRegister("bench_metric", typ, metrics.Default)
	tags := r.EmptyTags().With("scenario", "default").With("url", "ws://127.0.0.1:1")
	now := time.Now()
	b.ReportAllocs()
	b.ResetTimer()
	if !parallel {
		for i := 0; i < b.N; i++ {
			m.Add(now, float64(i&1023), tags)
		}
		return
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			m.Add(now, float64(i&1023), tags)
			i++
		}
	})
}

func BenchmarkCounterAdd(b *testing.B)         { benchAdd(b, metrics.Counter, true, false) }
func BenchmarkCounterAddParallel(b *testing.B) { benchAdd(b, metrics.Counter, true, true) }
func BenchmarkTrendAdd(b *testing.B)           { benchAdd(b, metrics.Trend, true, false) }
func BenchmarkTrendAddParallel(b *testing.B)   { benchAdd(b, metrics.Trend, true, true) }
func BenchmarkCounterAddNoKeep(b *testing.B)   { benchAdd(b, metrics.Counter, false, false) }
func BenchmarkTrendAddNoKeep(b *testing.B)     { benchAdd(b, metrics.Trend, false, false) }

// BenchmarkTrendP95 measures adding 1000 samples then reading p(95) on a
// trend that starts at 100k samples and grows (the new values are sorted
// and merged into the sorted ones, as a threshold check every 2s does).
func BenchmarkTrendP95(b *testing.B) {
	r := metrics.NewRegistry()
	m := r.MustRegister("bench_metric", metrics.Trend, metrics.Time)
	now := time.Now()
	for i := range 100_000 {
		m.Add(now, float64(i*7919%100_000), nil)
	}
	m.Stat("p(95)", 0)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range 1000 {
			m.Add(now, float64(j), nil)
		}
		m.Stat("p(95)", 0)
	}
}

// retained returns the heap growth while fill runs and its result lives.
func retained(fill func() any) (int64, any) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	keep := fill()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc), keep
}

// TestMemoryMillionTrendSamples measures the heap kept by one million
// trend samples (with tags), and by one million values when samples are
// not kept. Budget: under 24 MB with samples.
func TestMemoryMillionTrendSamples(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates tens of MB")
	}
	const n = 1_000_000
	for _, c := range []struct {
		name   string
		keep   bool
		budget int64
	}{
		{"samples kept", true, 24 << 20},
		{"values only", false, 10 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			now := time.Now()
			var m *metrics.Metric
			bytes, keep := retained(func() any {
				r := metrics.NewRegistry()
				r.SetKeepSamples(c.keep)
				m = r.MustRegister("ws_ping", metrics.Trend, metrics.Time)
				tags := []*metrics.TagSet{
					r.EmptyTags().With("url", "ws://a"),
					r.EmptyTags().With("url", "ws://b"),
				}
				for i := range n {
					m.Add(now.Add(time.Duration(i)), float64(i%5000)/10, tags[i&1])
				}
				return r
			})
			t.Logf("%d trend samples (%s): %.1f MB retained (%.1f bytes/sample)",
				n, c.name, float64(bytes)/(1<<20), float64(bytes)/n)
			if bytes > c.budget {
				t.Errorf("retained %d bytes, budget %d", bytes, c.budget)
			}
			after, _ := retained(func() any {
				m.Stat("p(95)", 0)
				return nil
			})
			t.Logf("change after computing p(95): %+.1f MB", float64(after)/(1<<20))
			runtime.KeepAlive(keep)
		})
	}
}
