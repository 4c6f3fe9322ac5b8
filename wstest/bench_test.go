package wstest

import (
	"context"
	"os"
	"strconv"
	"testing"
)

// BenchmarkVUStart measures starting one VU: a new runtime, its loop and
// modules, and the init code of a small script, the program shared.
func BenchmarkVUStart(b *testing.B) {
	src, err := os.ReadFile("testdata/smoke.js")
	if err != nil {
		b.Fatal(err)
	}
	r := newRunner(Script{Name: "testdata/smoke.js"}, newConfig(nil))
	if err := r.load(Script{Name: "testdata/smoke.js", Source: string(src)}); err != nil {
		b.Fatal(err)
	}
	r.network = newNetwork(r.cfg)
	defer r.network.close()
	r.makeSettings()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.newVU(ctx, int64(i+1)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmptyIteration measures one iteration of an empty default
// function on one VU, with the metrics every iteration emits.
func BenchmarkEmptyIteration(b *testing.B) {
	b.ReportAllocs()
	res, err := Run(context.Background(), Script{Name: "testdata/empty.js"},
		WithVUs(1), WithIterations(int64(b.N)), WithoutSamples())
	if err != nil {
		b.Fatal(err)
	}
	if res.Iterations != int64(b.N) {
		b.Fatalf("ran %d iterations, want %d", res.Iterations, b.N)
	}
}

// BenchmarkJSAdd measures metric.add() from a script, per sample.
func BenchmarkJSAdd(b *testing.B) {
	for _, kind := range []string{"counter", "trend"} {
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			res, err := Run(context.Background(), Script{Name: "testdata/add_samples.js"},
				WithEnv("KIND", kind), WithEnv("N", strconv.Itoa(b.N)))
			if err != nil {
				b.Fatal(err)
			}
			if got := res.Metric("bench_" + kind).Count(); got != int64(b.N) {
				b.Fatalf("added %d samples, want %d", got, b.N)
			}
		})
	}
}
