package metrics_test

import (
	"fmt"
	"os"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

func Example() {
	r := metrics.NewRegistry()
	b, _ := metrics.RegisterBuiltins(r)
	tags := r.EmptyTags().With("scenario", "default").With("url", "ws://127.0.0.1:8080/echo")
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, ms := range []float64{12, 3, 7, 5} {
		at := start.Add(time.Duration(i) * time.Second)
		b.WSSessions.Add(at, 1, tags)
		b.WSConnecting.Add(at, ms, tags)
	}
	// Sorted 3 5 7 12: p(95) is at rank 0.95*3 = 2.85, 7 + 0.85*(12-7).
	p95, _ := b.WSConnecting.Stat("p(95)", 0)
	med, _ := b.WSConnecting.Stat("med", 0)
	rate, _ := b.WSSessions.Stat("rate", 4*time.Second)
	fmt.Println(tags)
	fmt.Printf("p(95)=%.2f med=%v sessions/s=%v\n", p95, med, rate)
	// Output:
	// {scenario:default,url:ws://127.0.0.1:8080/echo}
	// p(95)=11.25 med=6 sessions/s=1
}

func ExampleNewJSONOutput() {
	r := metrics.NewRegistry()
	out := metrics.NewJSONOutput(os.Stdout)
	r.AddOutput(out)
	m := r.MustRegister("ws_msgs_sent", metrics.Counter, metrics.Default)
	at := time.Date(2026, 1, 2, 3, 4, 5, 600, time.FixedZone("", 3600))
	m.Add(at, 1, r.EmptyTags().With("scenario", "default"))
	_ = out.Close()
	// Output:
	// {"type":"Metric","data":{"name":"ws_msgs_sent","type":"counter","contains":"default","thresholds":[],"submetrics":null},"metric":"ws_msgs_sent"}
	// {"metric":"ws_msgs_sent","type":"Point","data":{"time":"2026-01-02T03:04:05.0000006+01:00","value":1,"tags":{"scenario":"default"}}}
}
