package summary_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/summary"
)

func ExampleText() {
	r := metrics.NewRegistry()
	b, _ := metrics.RegisterBuiltins(r)
	now := time.Now()
	b.Checks.Add(now, 1, nil)
	b.Iterations.Add(now, 1, nil)
	b.WSSessions.Add(now, 1, nil)
	b.WSConnecting.Add(now, 1.5, nil)
	b.DataReceived.Add(now, 1234, nil)
	text, _ := summary.Text(summary.Input{
		Registry: r,
		Duration: time.Second,
		RootGroup: summary.Group{Checks: []summary.Check{
			{Name: "connected", Path: "::connected", Passes: 1},
		}},
		TrendStats: []string{"avg", "p(95)"},
	}, summary.Compact)
	// Section titles end with a space, as k6's do; trimmed here so that
	// the expected output below can show them.
	fmt.Print(strings.ReplaceAll(text, " \n", "\n"))
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

func ExampleFormatDuration() {
	for _, ms := range []float64{0, 0.00085, 148.219, 1500, 61000, 3723000} {
		fmt.Println(summary.FormatDuration(ms, ""))
	}
	fmt.Println(summary.FormatDuration(1500, "s"))
	// Output:
	// 0s
	// 850ns
	// 148.21ms
	// 1.5s
	// 1m1s
	// 1h2m3s
	// 1.50s
}
