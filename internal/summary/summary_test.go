package summary_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/summary"
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

func newRegistry(t *testing.T) (*metrics.Registry, *metrics.Builtins) {
	t.Helper()
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

// smallRun fills a registry with a little of everything and evaluates
// its thresholds over a 2s run.
func smallRun(t *testing.T) summary.Input {
	t.Helper()
	r, b := newRegistry(t)
	ts, err := thresholds.Parse(r, decode(t, `{
		"ws_connecting": ["p(95)<1", "avg<100"],
		"ws_connecting{url:ws://a}": ["max<10"],
		"checks": ["rate>0.5"],
		"ws_sessions": ["count>=2"]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	tags := r.EmptyTags().With("scenario", "default").With("group", "")
	a := tags.With("url", "ws://a")
	g1 := tags.With("group", "::g1")
	myTrend := r.MustRegister("my_trend", metrics.Trend, metrics.Default)
	myRate := r.MustRegister("my_rate", metrics.Rate, metrics.Default)
	r.MustRegister("never_used", metrics.Counter, metrics.Default)

	b.Checks.Add(t0, 1, tags)
	b.Checks.Add(t0, 1, tags)
	b.Checks.Add(t0, 1, g1)
	b.Checks.Add(t0, 0, g1)
	b.Iterations.Add(t0, 1, tags)
	b.Iterations.Add(t0, 1, tags)
	b.IterationDuration.Add(t0, 1500, tags)
	b.IterationDuration.Add(t0, 2500, tags)
	b.VUs.Add(t0, 1, nil)
	b.VUs.Add(t0, 2, nil)
	b.VUsMax.Add(t0, 2, nil)
	b.DataSent.Add(t0, 241, tags)
	b.DataSent.Add(t0, 241, tags)
	b.DataReceived.Add(t0, 1234, tags)
	b.DataReceived.Add(t0, 1000, tags)
	b.WSSessions.Add(t0, 1, a)
	b.WSSessions.Add(t0, 1, g1.With("url", "ws://b"))
	b.WSConnecting.Add(t0, 1.5, a)
	b.WSConnecting.Add(t0, 0.5, g1.With("url", "ws://b"))
	myTrend.Add(t0, 1, tags)
	myTrend.Add(t0, 2, tags)
	myTrend.Add(t0, 3, g1)
	myRate.Add(t0, 1, tags)
	myRate.Add(t0, 0, tags)

	res, _ := ts.Evaluate(2 * time.Second)
	return summary.Input{
		Registry:   r,
		Duration:   2 * time.Second,
		Thresholds: res,
		RootGroup: summary.Group{
			Checks: []summary.Check{{Name: "status is 101", Path: "::status is 101", Passes: 2}},
			Groups: []summary.Group{{
				Name: "g1", Path: "::g1",
				Checks: []summary.Check{{Name: "got echo", Path: "::g1::got echo", Passes: 1, Fails: 1}},
			}},
		},
	}
}

func TestSummaryTextCompact(t *testing.T) {
	in := smallRun(t)
	got, err := summary.Text(in, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `

  █ THRESHOLDS 

    checks
    ✓ 'rate>0.5' rate=75.00%

    ws_connecting
    ✗ 'p(95)<1' p(95)=1.45ms
    ✓ 'avg<100' avg=1ms

    ws_connecting{url:ws://a}
    ✓ 'max<10' max=1.5ms

    ws_sessions
    ✓ 'count>=2' count=2


  █ TOTAL RESULTS 

    checks_total.......: 4      2/s
    checks_succeeded...: 75.00% 3 out of 4
    checks_failed......: 25.00% 1 out of 4

    ✓ status is 101
    ✗ got echo
      ↳  50% — ✓ 1 / ✗ 1

    CUSTOM
    my_rate..............: 50.00% 1 out of 2
    my_trend.............: avg=2     min=1     med=2     max=3     p(90)=2.8   p(95)=2.9

    EXECUTION
    iteration_duration...: avg=2s    min=1.5s  med=2s    max=2.5s  p(90)=2.4s  p(95)=2.45s
    iterations...........: 2      1/s
    vus..................: 2      min=1      max=2
    vus_max..............: 2      min=2      max=2

    NETWORK
    data_received........: 2.2 kB 1.1 kB/s
    data_sent............: 482 B  241 B/s

    WEBSOCKET
    ws_connecting........: avg=1ms   min=500µs med=1ms   max=1.5ms p(90)=1.4ms p(95)=1.45ms
      { url:ws://a }.....: avg=1.5ms min=1.5ms med=1.5ms max=1.5ms p(90)=1.5ms p(95)=1.5ms
    ws_sessions..........: 2      1/s


`
	compareLines(t, got, want)
}

// compareLines reports the first differing line with both versions.
func compareLines(t *testing.T, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	if t.Failed() {
		t.Logf("whole output:\n%s", got)
	}
}

func TestSummaryTextModes(t *testing.T) {
	in := smallRun(t)
	g := gomega.NewWithT(t)
	off, err := summary.Text(in, "disabled")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(off).To(gomega.BeEmpty())
	_, err = summary.Text(in, "legacy")
	g.Expect(err).To(gomega.MatchError(`invalid summary mode "legacy": use compact, full or disabled`))
}

func TestSummaryTextFull(t *testing.T) {
	in := smallRun(t)
	got, err := summary.Text(in, "full")
	if err != nil {
		t.Fatal(err)
	}
	compact, _ := summary.Text(in, "compact")
	// Full starts like compact, with only the root checks listed...
	head, rest, ok := strings.Cut(got, "    ✓ status is 101\n\n")
	if !ok || !strings.HasPrefix(compact, head) {
		t.Fatalf("full does not start like compact:\n%s", got)
	}
	// ...then a block per group and per scenario from the kept samples.
	want := `    CUSTOM
    my_rate..............: 50.00% 1 out of 2
    my_trend.............: avg=2     min=1     med=2     max=3     p(90)=2.8   p(95)=2.9

    EXECUTION
    iteration_duration...: avg=2s    min=1.5s  med=2s    max=2.5s  p(90)=2.4s  p(95)=2.45s
    iterations...........: 2      1/s
    vus..................: 2      min=1      max=2
    vus_max..............: 2      min=2      max=2

    NETWORK
    data_received........: 2.2 kB 1.1 kB/s
    data_sent............: 482 B  241 B/s

    WEBSOCKET
    ws_connecting........: avg=1ms   min=500µs med=1ms   max=1.5ms p(90)=1.4ms p(95)=1.45ms
      { url:ws://a }.....: avg=1.5ms min=1.5ms med=1.5ms max=1.5ms p(90)=1.5ms p(95)=1.5ms
    ws_sessions..........: 2      1/s


  █ GROUP [g1]

    checks_total.......: 2      1/s
    checks_succeeded...: 50.00% 1 out of 2
    checks_failed......: 50.00% 1 out of 2

    ✗ got echo
      ↳  50% — ✓ 1 / ✗ 1

    CUSTOM
    my_trend...........: avg=3     min=3     med=3     max=3     p(90)=3     p(95)=3

    WEBSOCKET
    ws_connecting......: avg=500µs min=500µs med=500µs max=500µs p(90)=500µs p(95)=500µs
    ws_sessions........: 1 0.5/s


  █ SCENARIO [default]

    checks_total.......: 4      2/s
    checks_succeeded...: 75.00% 3 out of 4
    checks_failed......: 25.00% 1 out of 4

    CUSTOM
    my_rate..............: 50.00% 1 out of 2
    my_trend.............: avg=2   min=1     med=2   max=3     p(90)=2.8   p(95)=2.9

    EXECUTION
    iteration_duration...: avg=2s  min=1.5s  med=2s  max=2.5s  p(90)=2.4s  p(95)=2.45s
    iterations...........: 2      1/s

    NETWORK
    data_received........: 2.2 kB 1.1 kB/s
    data_sent............: 482 B  241 B/s

    WEBSOCKET
    ws_connecting........: avg=1ms min=500µs med=1ms max=1.5ms p(90)=1.4ms p(95)=1.45ms
    ws_sessions..........: 2      1/s


`
	compareLines(t, rest, want)
}

func TestSummaryData(t *testing.T) {
	in := smallRun(t)
	in.TimeUnit = "ms"
	in.SetupData = map[string]any{"x": 1.0}
	data := summary.Data(in)
	// Through JSON, as handleSummary would see it.
	raw, err := json.Marshal(data)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	g := gomega.NewWithT(t)
	ms := back["metrics"].(map[string]any)
	g.Expect(ms).NotTo(gomega.HaveKey("never_used"))
	g.Expect(ms["iterations"]).To(gomega.Equal(map[string]any{
		"type": "counter", "contains": "default",
		"values": map[string]any{"count": 2.0, "rate": 1.0},
	}))
	g.Expect(ms["vus"]).To(gomega.Equal(map[string]any{
		"type": "gauge", "contains": "default",
		"values": map[string]any{"value": 2.0, "min": 1.0, "max": 2.0},
	}))
	g.Expect(ms["checks"]).To(gomega.Equal(map[string]any{
		"type": "rate", "contains": "default",
		"values":     map[string]any{"rate": 0.75, "passes": 3.0, "fails": 1.0},
		"thresholds": map[string]any{"rate>0.5": map[string]any{"ok": true}},
	}))
	g.Expect(ms["ws_connecting"]).To(gomega.Equal(map[string]any{
		"type": "trend", "contains": "time",
		"values": map[string]any{"avg": 1.0, "min": 0.5, "med": 1.0, "max": 1.5, "p(90)": 1.4, "p(95)": 1.45},
		"thresholds": map[string]any{
			"p(95)<1": map[string]any{"ok": false},
			"avg<100": map[string]any{"ok": true},
		},
	}))
	g.Expect(ms["ws_connecting{url:ws://a}"]).To(gomega.Equal(map[string]any{
		"type": "trend", "contains": "time",
		"values":     map[string]any{"avg": 1.5, "min": 1.5, "med": 1.5, "max": 1.5, "p(90)": 1.5, "p(95)": 1.5},
		"thresholds": map[string]any{"max<10": map[string]any{"ok": true}},
	}))
	g.Expect(back["options"]).To(gomega.Equal(map[string]any{
		"summaryTrendStats": []any{"avg", "min", "med", "max", "p(90)", "p(95)"},
		"summaryTimeUnit":   "ms", "noColor": false,
	}))
	g.Expect(back["state"]).To(gomega.Equal(map[string]any{
		"isStdOutTTY": false, "isStdErrTTY": false, "testRunDurationMs": 2000.0,
	}))
	g.Expect(back["setup_data"]).To(gomega.Equal(map[string]any{"x": 1.0}))
	root := back["root_group"].(map[string]any)
	g.Expect(root["id"]).To(gomega.Equal("d41d8cd98f00b204e9800998ecf8427e")) // md5 of ""
	g.Expect(root["checks"]).To(gomega.Equal([]any{map[string]any{
		"name": "status is 101", "path": "::status is 101", "id": summary.PathID("::status is 101"),
		"passes": 2.0, "fails": 0.0,
	}}))
	sub := root["groups"].([]any)[0].(map[string]any)
	g.Expect(sub["name"]).To(gomega.Equal("g1"))
	g.Expect(sub["groups"]).To(gomega.BeEmpty())
	g.Expect(sub["checks"].([]any)[0].(map[string]any)["fails"]).To(gomega.Equal(1.0))
}

func TestSummaryDataTrendStats(t *testing.T) {
	in := smallRun(t)
	in.TrendStats = []string{"count", "p(99.9)", "med"}
	g := gomega.NewWithT(t)
	g.Expect(metrics.ValidateTrendStats(in.TrendStats)).To(gomega.Succeed())
	data := summary.Data(in)
	vals := data["metrics"].(map[string]any)["my_trend"].(map[string]any)["values"].(map[string]any)
	// 1 2 3: p(99.9) = 2 + 0.998*1.
	g.Expect(vals).To(gomega.HaveLen(3))
	g.Expect(vals["count"]).To(gomega.Equal(3.0))
	g.Expect(vals["p(99.9)"]).To(gomega.BeNumerically("~", 2.998, 1e-12))
	g.Expect(vals["med"]).To(gomega.Equal(2.0))
	text, err := summary.Text(in, "compact")
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(text).To(gomega.ContainSubstring("my_trend.............: count=3 p(99.9)=2.998  med=2\n"))
}

func TestSummaryExport(t *testing.T) {
	in := smallRun(t)
	raw, err := summary.ExportJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	g := gomega.NewWithT(t)
	ms := back["metrics"].(map[string]any)
	g.Expect(ms["iterations"]).To(gomega.Equal(map[string]any{"count": 2.0, "rate": 1.0}))
	g.Expect(ms["vus"]).To(gomega.Equal(map[string]any{"value": 2.0, "min": 1.0, "max": 2.0}))
	g.Expect(ms["my_rate"]).To(gomega.Equal(map[string]any{"value": 0.5, "passes": 1.0, "fails": 1.0}))
	g.Expect(ms["checks"]).To(gomega.Equal(map[string]any{
		"value": 0.75, "passes": 3.0, "fails": 1.0,
		"thresholds": map[string]any{"rate>0.5": false}, // false = passed
	}))
	g.Expect(ms["ws_connecting"]).To(gomega.Equal(map[string]any{
		"avg": 1.0, "min": 0.5, "med": 1.0, "max": 1.5, "p(90)": 1.4, "p(95)": 1.45,
		"thresholds": map[string]any{"p(95)<1": true, "avg<100": false}, // true = failed
	}))
	// Every exported trend value is the metric's own aggregate.
	m := in.Registry.Get("iteration_duration")
	for k, v := range ms["iteration_duration"].(map[string]any) {
		want, ok := m.Stat(k, in.Duration)
		g.Expect(ok).To(gomega.BeTrue(), k)
		g.Expect(v).To(gomega.Equal(want), k)
	}
	root := back["root_group"].(map[string]any)
	g.Expect(root["checks"]).To(gomega.HaveKeyWithValue("status is 101", map[string]any{
		"name": "status is 101", "path": "::status is 101", "id": summary.PathID("::status is 101"),
		"passes": 2.0, "fails": 0.0,
	}))
	g.Expect(root["groups"]).To(gomega.HaveKey("g1"))
	g1 := root["groups"].(map[string]any)["g1"].(map[string]any)
	g.Expect(g1["checks"]).To(gomega.HaveKey("got echo"))
	g.Expect(string(raw)).To(gomega.HavePrefix("{\n    \""))
}
