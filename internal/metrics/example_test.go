package metrics_test

import (
	"encoding/json"
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
	fmt.Println(metrics.FormatDuration(p95, ""))
	// Output:
	// {scenario:default,url:ws://127.0.0.1:8080/echo}
	// p(95)=11.25 med=6 sessions/s=1
	// 11.25ms
}

func ExampleParseThresholds() {
	r := metrics.NewRegistry()
	b, _ := metrics.RegisterBuiltins(r)
	var cfg map[string]any
	_ = json.Unmarshal([]byte(`{
		"ws_connecting": ["p(95)<10"],
		"checks": [{"threshold": "rate>0.99", "abortOnFail": true, "delayAbortEval": "10s"}]
	}`), &cfg)
	ts, err := metrics.ParseThresholds(r, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Now()
	b.WSConnecting.Add(now, 25, nil)
	b.Checks.Add(now, 0, nil)

	results, abort := ts.Evaluate(5 * time.Second)
	for _, res := range results {
		fmt.Printf("%s %s ok=%v value=%v\n", res.Key, res.Source, res.OK, res.Value)
	}
	fmt.Println("abort before delayAbortEval:", abort)
	_, abort = ts.Evaluate(10 * time.Second)
	fmt.Println("abort after delayAbortEval:", abort)

	_, err = metrics.ParseThresholds(r, map[string]any{"ws_connectin": []any{"p(95)<10"}})
	fmt.Println(err)
	// Output:
	// checks rate>0.99 ok=false value=0
	// ws_connecting p(95)<10 ok=false value=25
	// abort before delayAbortEval: false
	// abort after delayAbortEval: true
	// invalid threshold defined on ws_connectin; reason: no metric name "ws_connectin" found
}

func ExampleSummaryText() {
	r := metrics.NewRegistry()
	b, _ := metrics.RegisterBuiltins(r)
	now := time.Now()
	b.Checks.Add(now, 1, nil)
	b.Iterations.Add(now, 1, nil)
	b.WSSessions.Add(now, 1, nil)
	b.WSConnecting.Add(now, 1.5, nil)
	b.DataReceived.Add(now, 1234, nil)
	text, _ := metrics.SummaryText(metrics.SummaryInput{
		Registry: r,
		Duration: time.Second,
		RootGroup: metrics.Group{Checks: []metrics.Check{
			{Name: "connected", Path: "::connected", Passes: 1},
		}},
		TrendStats: []string{"avg", "p(95)"},
	}, metrics.SummaryCompact)
	fmt.Print(text)
	// Output:
	//   █ TOTAL RESULTS
	//
	//     checks_total.......: 1       1/s
	//     checks_succeeded...: 100.00% 1 out of 1
	//     checks_failed......: 0.00%   0 out of 1
	//
	//     ✓ connected
	//
	//     EXECUTION
	//     iterations.........: 1      1/s
	//
	//     NETWORK
	//     data_received......: 1.2 kB 1.2 kB/s
	//
	//     WEBSOCKET
	//     ws_connecting......: avg=1.5ms p(95)=1.5ms
	//     ws_sessions........: 1      1/s
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
	// {"type":"Point","data":{"time":"2026-01-02T03:04:05.0000006+01:00","value":1,"tags":{"scenario":"default"}},"metric":"ws_msgs_sent"}
}
