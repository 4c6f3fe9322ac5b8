package thresholds_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

func ExampleParse() {
	r := metrics.NewRegistry()
	b, _ := metrics.RegisterBuiltins(r)
	var cfg map[string]any
	_ = json.Unmarshal([]byte(`{
		"ws_connecting": ["p(95)<10"],
		"checks": [{"threshold": "rate>0.99", "abortOnFail": true, "delayAbortEval": "10s"}]
	}`), &cfg)
	ts, err := thresholds.Parse(r, cfg)
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

	_, err = thresholds.Parse(r, map[string]any{"ws_connectin": []any{"p(95)<10"}})
	fmt.Println(err)
	// Output:
	// checks rate>0.99 ok=false value=0
	// ws_connecting p(95)<10 ok=false value=25
	// abort before delayAbortEval: false
	// abort after delayAbortEval: true
	// invalid threshold defined on ws_connectin; reason: no metric name "ws_connectin" found
}

func ExampleParseSelector() {
	sel, _ := thresholds.ParseSelector("http_req_duration{name:http://x/a/${}, status:200}")
	fmt.Printf("%q %v\n", sel.Metric, sel.Tags)
	fmt.Println(sel)
	_, err := thresholds.ParseSelector("ws_sessions{subproto:}")
	fmt.Println(err)
	// Output:
	// "http_req_duration" map[name:http://x/a/${} status:200]
	// http_req_duration{name:http://x/a/${},status:200}
	// metric selector "ws_sessions{subproto:}": tag "subproto:" has no value
}
