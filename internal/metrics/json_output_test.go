package metrics_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

type jsonLine struct {
	Type   string         `json:"type"`
	Metric string         `json:"metric"`
	Data   map[string]any `json:"data"`
}

func readLines(t *testing.T, path string) []jsonLine {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []jsonLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l jsonLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONOutput(t *testing.T) {
	g := gomega.NewWithT(t)
	path := filepath.Join(t.TempDir(), "out.json")
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	out, err := metrics.CreateJSONOutput(path)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	out.ThresholdSources = func(metric string) []string {
		if metric == "ws_connecting" {
			return []string{"p(95)<500", "avg<100"}
		}
		return nil
	}
	r.AddOutput(out)

	zone := time.FixedZone("X", 2*3600)
	when := time.Date(2026, 5, 9, 14, 34, 45, 625742514, zone)
	tags := r.EmptyTags().With("scenario", "default").With("url", "ws://127.0.0.1:1/\"q\"")
	b.WSConnecting.Add(when, 1.25, tags)
	b.WSConnecting.Add(when.Add(time.Second), 2, tags)
	b.VUs.Add(when, 3, nil)
	b.WSPing.Add(when, 1e-7, tags)
	g.Expect(out.Close()).To(gomega.Succeed())

	lines := readLines(t, path)
	g.Expect(lines).To(gomega.HaveLen(7))
	g.Expect(lines[0]).To(gomega.Equal(jsonLine{Type: "Metric", Metric: "ws_connecting", Data: map[string]any{
		"name": "ws_connecting", "type": "trend", "contains": "time",
		"thresholds": []any{"p(95)<500", "avg<100"}, "submetrics": nil,
	}}))
	g.Expect(lines[1]).To(gomega.Equal(jsonLine{Type: "Point", Metric: "ws_connecting", Data: map[string]any{
		"time": "2026-05-09T14:34:45.625742514+02:00", "value": 1.25,
		"tags": map[string]any{"scenario": "default", "url": "ws://127.0.0.1:1/\"q\""},
	}}))
	g.Expect(lines[2].Type).To(gomega.Equal("Point")) // no second Metric line
	g.Expect(lines[2].Data["time"]).To(gomega.Equal("2026-05-09T14:34:46.625742514+02:00"))
	g.Expect(lines[3]).To(gomega.Equal(jsonLine{Type: "Metric", Metric: "vus", Data: map[string]any{
		"name": "vus", "type": "gauge", "contains": "default", "thresholds": []any{}, "submetrics": nil,
	}}))
	g.Expect(lines[4].Data["tags"]).To(gomega.Equal(map[string]any{}))
	g.Expect(lines[6].Data["value"]).To(gomega.Equal(1e-7))

	// Every point matches a kept sample.
	samples := b.WSConnecting.Samples()
	g.Expect(samples).To(gomega.HaveLen(2))
	g.Expect(lines[2].Data["value"]).To(gomega.Equal(samples[1].Value))
}

func TestJSONOutputConcurrent(t *testing.T) {
	g := gomega.NewWithT(t)
	path := filepath.Join(t.TempDir(), "out.json")
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	out, err := metrics.CreateJSONOutput(path)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	r.AddOutput(out)
	const workers, each = 4, 500
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				b.WSMsgsSent.Add(time.Now(), 1, nil)
				b.WSPing.Add(time.Now(), float64(i), nil)
			}
		}()
	}
	wg.Wait()
	g.Expect(out.Close()).To(gomega.Succeed())
	lines := readLines(t, path)
	counts := map[string]int{}
	for _, l := range lines {
		counts[l.Type+" "+l.Metric]++
	}
	g.Expect(counts).To(gomega.Equal(map[string]int{
		"Metric ws_msgs_sent": 1, "Point ws_msgs_sent": workers * each,
		"Metric ws_ping": 1, "Point ws_ping": workers * each,
	}))
}

// A sample's metadata is the data's "metadata" object, keys in name order,
// as k6 writes it; a sample without any has no such key.
func TestJSONOutputMetadata(t *testing.T) {
	var buf bytes.Buffer
	r := metrics.NewRegistry()
	b, err := metrics.RegisterBuiltins(r)
	if err != nil {
		t.Fatal(err)
	}
	out := metrics.NewJSONOutput(&buf)
	r.AddOutput(out)
	when := time.Date(2026, 5, 9, 14, 34, 45, 0, time.UTC)
	md := metrics.IterationMetadata(map[string]bool{"vu": true, "iter": true}, 3, 7)
	b.Iterations.AddWithMetadata(when, 1, r.EmptyTags().With("scenario", "default"), md)
	b.Iterations.Add(when, 1, nil)
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	want := `{"metric":"iterations","type":"Point","data":{"time":"2026-05-09T14:34:45Z","value":1,"tags":{"scenario":"default"},"metadata":{"iter":"7","vu":"3"}}}` + "\n" +
		`{"metric":"iterations","type":"Point","data":{"time":"2026-05-09T14:34:45Z","value":1,"tags":{}}}` + "\n"
	if got := buf.String(); !strings.HasSuffix(got, want) {
		t.Errorf("got\n%s\nwant it to end with\n%s", got, want)
	}
}
