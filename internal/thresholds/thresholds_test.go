package thresholds_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// decode turns JSON text into what encoding/json gives the runner.
func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func newThresholdRegistry() (*metrics.Registry, *metrics.Builtins) {
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	if err != nil {
		panic(err)
	}
	return r, b
}

func TestParseThresholdsErrors(t *testing.T) {
	cases := []struct {
		name, cfg, err string
	}{
		{"unknown metric", `{"nope_metric":["count>0"]}`,
			`invalid threshold defined on nope_metric; reason: no metric name "nope_metric" found`},
		{"unknown metric with selector", `{"nope_metric{a:b}":["count>0"]}`,
			`invalid threshold defined on nope_metric{a:b}; reason: no metric name "nope_metric" found`},
		{"no operator", `{"ws_connecting":["p(95)"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(95)": malformed expression`},
		{"empty right side", `{"ws_connecting":["p(95)<"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(95)<": malformed expression`},
		{"single equals", `{"ws_connecting":["avg=3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "avg=3": malformed expression`},
		{"empty aggregation", `{"ws_connecting":["<3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "<3": malformed expression`},
		{"units not allowed", `{"ws_connecting":["p(95)<200ms"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(95)<200ms": invalid value "200ms"`},
		{"percentile too big", `{"ws_connecting":["p(101)<3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(101)<3": percentile 101 out of range [0, 100]`},
		{"percentile negative", `{"ws_connecting":["p(-1)<3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(-1)<3": percentile -1 out of range [0, 100]`},
		{"percentile not a number", `{"ws_connecting":["p(x)<3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(x)<3": malformed percentile value "x"`},
		{"unknown aggregation", `{"ws_connecting":["mean<3"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "mean<3": unknown aggregation method "mean"`},
		{"percentile on counter", `{"ws_sessions":["p(95)<3"]}`,
			`invalid threshold defined on ws_sessions; reason: threshold expression "p(95)<3" uses aggregation method "p(95)", which is not supported by counter metrics; supported: [count, rate]`},
		{"count on trend", `{"ws_ping":["count>3"]}`,
			`invalid threshold defined on ws_ping; reason: threshold expression "count>3" uses aggregation method "count", which is not supported by trend metrics; supported: [avg, min, max, med, p(N)]`},
		{"min on gauge", `{"vus":["min>3"]}`,
			`invalid threshold defined on vus; reason: threshold expression "min>3" uses aggregation method "min", which is not supported by gauge metrics; supported: [value]`},
		{"count on rate", `{"checks":["count>3"]}`,
			`invalid threshold defined on checks; reason: threshold expression "count>3" uses aggregation method "count", which is not supported by rate metrics; supported: [rate]`},
		{"unclosed selector", `{"ws_ping{url:x":["avg<3"]}`,
			`invalid threshold defined on ws_ping{url:x; reason: metric selector "ws_ping{url:x" has unmatched curly braces`},
		{"selector without colon", `{"ws_ping{url}":["avg<3"]}`,
			`invalid threshold defined on ws_ping{url}; reason: metric selector "ws_ping{url}": tag "url" is not key:value`},
		{"empty selector", `{"ws_ping{}":["avg<3"]}`,
			`invalid threshold defined on ws_ping{}; reason: metric selector "ws_ping{}" has no tags between its curly braces`},
		{"empty tag value", `{"ws_sessions{subproto:}":["count>0"]}`,
			`invalid threshold defined on ws_sessions{subproto:}; reason: metric selector "ws_sessions{subproto:}": tag "subproto:" has no value`},
		{"p(NaN)", `{"ws_connecting":["p(NaN)<1"]}`,
			`invalid threshold defined on ws_connecting; reason: failed parsing threshold expression "p(NaN)<1": malformed percentile value "NaN"`},
		{"passes on rate", `{"checks":["passes>3"]}`,
			`invalid threshold defined on checks; reason: threshold expression "passes>3" uses aggregation method "passes", which is not supported by rate metrics; supported: [rate]`},
		{"name with a space before the selector", `{"ws_ping {url:x}":["avg<3"]}`,
			`invalid threshold defined on ws_ping {url:x}; reason: no metric name "ws_ping " found`},
		{"expression before metric", `{"nope":["bogus"]}`,
			`invalid threshold defined on nope; reason: failed parsing threshold expression "bogus": malformed expression`},
		{"not a list", `{"ws_ping":3}`,
			`invalid threshold defined on ws_ping; reason: expected a list of threshold expressions, got float64`},
		{"object without threshold", `{"ws_ping":[{"abortOnFail":true}]}`,
			`invalid threshold defined on ws_ping; reason: threshold object needs a "threshold" string`},
		{"bad delay", `{"ws_ping":[{"threshold":"avg<3","delayAbortEval":"soon"}]}`,
			`invalid threshold defined on ws_ping; reason: invalid delayAbortEval of "avg<3": "soon" is not a duration`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, _ := newThresholdRegistry()
			_, err := thresholds.Parse(r, decode(t, c.cfg))
			gomega.NewWithT(t).Expect(err).To(gomega.MatchError(c.err))
		})
	}
}

func TestParseThresholdsValid(t *testing.T) {
	r, _ := newThresholdRegistry()
	ts, err := thresholds.Parse(r, decode(t, `{
		"ws_connecting": ["p(95)<500", "p(99.9) <= 800", " avg<200 ", "med===5", "max!=3", "min>=0", "max>1e-3"],
		"ws_connecting{url:ws://127.0.0.1:1/x, status:101}": [{"threshold":"avg<100","abortOnFail":true,"delayAbortEval":"10s"}],
		"ws_sessions": ["count>0", "rate>=1.5"],
		"checks": ["rate==1"],
		"vus": ["value<10"]
	}`))
	g := gomega.NewWithT(t)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	list := ts.List()
	g.Expect(list).To(gomega.HaveLen(12))
	// Keys in order, expressions in written order.
	g.Expect(list[0].Key).To(gomega.Equal("checks"))
	g.Expect(list[1].Key).To(gomega.Equal("vus"))
	g.Expect(list[2].Source).To(gomega.Equal("p(95)<500"))
	g.Expect(list[3].Expression.Aggregation).To(gomega.Equal("p(99.9)"))
	g.Expect(list[4].Source).To(gomega.Equal(" avg<200 "))
	sub := list[9]
	g.Expect(sub.Selector.Metric).To(gomega.Equal("ws_connecting"))
	g.Expect(sub.Selector.Tags).To(gomega.Equal(map[string]string{"url": "ws://127.0.0.1:1/x", "status": "101"}))
	g.Expect(sub.AbortOnFail).To(gomega.BeTrue())
	g.Expect(sub.DelayAbortEval).To(gomega.Equal(10 * time.Second))
	g.Expect(ts.Sources("ws_sessions")).To(gomega.Equal([]string{"count>0", "rate>=1.5"}))
}

func TestEvaluateThresholds(t *testing.T) {
	r, b := newThresholdRegistry()
	ts, err := thresholds.Parse(r, decode(t, `{
		"ws_connecting": ["p(50)<25", "avg<10", "max===40"],
		"ws_connecting{url:ws://a}": ["avg<20", "p(95)>10"],
		"ws_connecting{url:ws://none}": ["avg<1"],
		"ws_sessions": ["count==4", "rate>1"],
		"checks": ["rate>0.9"],
		"vus": ["value<=2"]
	}`))
	g := gomega.NewWithT(t)
	g.Expect(err).NotTo(gomega.HaveOccurred())

	// Nothing yet: the rate of checks has no value and passes; counter
	// count is 0; the trend's aggregates are 0.
	res, abort := ts.Evaluate(0)
	g.Expect(abort).To(gomega.BeFalse())
	byExpr := func(res []thresholds.Result) map[string]thresholds.Result {
		m := map[string]thresholds.Result{}
		for _, r := range res {
			m[r.Key+" "+r.Source] = r
		}
		return m
	}
	got := byExpr(res)
	g.Expect(got["checks rate>0.9"].OK).To(gomega.BeTrue())
	g.Expect(got["checks rate>0.9"].HasValue).To(gomega.BeFalse())
	g.Expect(got["ws_sessions count==4"].OK).To(gomega.BeFalse())
	g.Expect(got["ws_sessions rate>1"].HasValue).To(gomega.BeFalse()) // zero duration

	a := r.EmptyTags().With("url", "ws://a")
	bb := r.EmptyTags().With("url", "ws://b")
	for _, v := range []float64{10, 20} {
		b.WSConnecting.Add(t0, v, a)
		b.WSSessions.Add(t0, 1, a)
	}
	for _, v := range []float64{30, 40} {
		b.WSConnecting.Add(t0, v, bb)
		b.WSSessions.Add(t0, 1, bb)
	}
	b.Checks.Add(t0, 1, nil)
	b.Checks.Add(t0, 0, nil)
	b.VUs.Add(t0, 3, nil)
	b.VUs.Add(t0, 2, nil)

	res, abort = ts.Evaluate(2 * time.Second)
	g.Expect(abort).To(gomega.BeFalse())
	got = byExpr(res)
	want := map[string]struct {
		ok bool
		v  float64
	}{
		"ws_connecting p(50)<25":             {false, 25},
		"ws_connecting avg<10":               {false, 25},
		"ws_connecting max===40":             {true, 40},
		"ws_connecting{url:ws://a} avg<20":   {true, 15},
		"ws_connecting{url:ws://a} p(95)>10": {true, 19.5},
		"ws_connecting{url:ws://none} avg<1": {true, 0},
		"ws_sessions count==4":               {true, 4},
		"ws_sessions rate>1":                 {true, 2},
		"checks rate>0.9":                    {false, 0.5},
		"vus value<=2":                       {true, 2},
	}
	g.Expect(got).To(gomega.HaveLen(len(want)))
	for k, w := range want {
		g.Expect(got[k].OK).To(gomega.Equal(w.ok), k)
		g.Expect(got[k].Value).To(gomega.BeNumerically("~", w.v, 1e-9), k)
	}
	g.Expect(got["ws_connecting{url:ws://a} avg<20"].Selector.Tags).To(gomega.Equal(map[string]string{"url": "ws://a"}))
	g.Expect(thresholds.Failed(res)).To(gomega.BeTrue())
}

func TestThresholdAbort(t *testing.T) {
	cases := []struct {
		name    string
		cfg     string
		elapsed time.Duration
		abort   bool
	}{
		{"abort without delay", `{"checks":[{"threshold":"rate>0.9","abortOnFail":true}]}`, time.Second, true},
		{"failing without abortOnFail", `{"checks":[{"threshold":"rate>0.9"}]}`, time.Minute, false},
		{"delay not reached", `{"checks":[{"threshold":"rate>0.9","abortOnFail":true,"delayAbortEval":"10s"}]}`, 9 * time.Second, false},
		{"delay reached", `{"checks":[{"threshold":"rate>0.9","abortOnFail":true,"delayAbortEval":"10s"}]}`, 10 * time.Second, true},
		{"delay in ms number", `{"checks":[{"threshold":"rate>0.9","abortOnFail":true,"delayAbortEval":1500}]}`, 1499 * time.Millisecond, false},
		{"delay in days", `{"checks":[{"threshold":"rate>0.9","abortOnFail":true,"delayAbortEval":"1d1h"}]}`, 25 * time.Hour, true},
		{"passing with abortOnFail", `{"checks":[{"threshold":"rate<0.9","abortOnFail":true}]}`, time.Second, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, b := newThresholdRegistry()
			ts, err := thresholds.Parse(r, decode(t, c.cfg))
			g := gomega.NewWithT(t)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			b.Checks.Add(t0, 0, nil)
			res, abort := ts.Evaluate(c.elapsed)
			g.Expect(abort).To(gomega.Equal(c.abort))
			g.Expect(res).To(gomega.HaveLen(1))
			g.Expect(res[0].Aborts).To(gomega.Equal(c.abort))
		})
	}
}
