package wstest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// TestSummaryExportAndJSONAgree runs one script with custom metrics, checks,
// groups and thresholds, and compares the three outputs with each other and
// with the Result.
func TestSummaryExportAndJSONAgree(t *testing.T) {
	g := NewWithT(t)
	var out bytes.Buffer
	res, err := run(t, "testdata/thresholds.js", wstest.WithJSONOutput(&out))
	g.Expect(err).NotTo(HaveOccurred())

	g.Expect(res.ExitCode()).To(Equal(wstest.ExitThresholdsFailed))
	failed := map[string]bool{}
	for _, th := range res.Thresholds {
		failed[th.Metric+" "+th.Expression] = !th.OK
	}
	g.Expect(failed).To(Equal(map[string]bool{
		"messages_sent count==10": false, "latency p(95)<100": false, "latency avg<50": false,
		"latency{kind:slow} max>=90": false, "ok_rate rate>0.5": false, "checks rate==1": false,
		"queue_depth value<0": true,
	}))

	p95, ok := res.Metric("latency").Stat("p(95)")
	g.Expect(ok).To(BeTrue())

	// JSON output: one Point per sample, values matching the Result.
	points := map[string][]float64{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var line struct {
			Type   string `json:"type"`
			Metric string `json:"metric"`
			Data   struct {
				Value float64           `json:"value"`
				Tags  map[string]string `json:"tags"`
			} `json:"data"`
		}
		g.Expect(json.Unmarshal(sc.Bytes(), &line)).To(Succeed())
		if line.Type == "Point" {
			points[line.Metric] = append(points[line.Metric], line.Data.Value)
		}
	}
	g.Expect(points["messages_sent"]).To(HaveLen(10))
	g.Expect(points["latency"]).To(HaveLen(int(res.Metric("latency").Count())))
	g.Expect(points["checks"]).To(HaveLen(10))

	// Summary export: the same aggregates.
	var export struct {
		Metrics map[string]map[string]any `json:"metrics"`
	}
	g.Expect(json.Unmarshal(res.SummaryExport(), &export)).To(Succeed())
	g.Expect(export.Metrics["messages_sent"]["count"]).To(BeEquivalentTo(10))
	g.Expect(export.Metrics["latency"]["p(95)"]).To(BeNumerically("~", p95, 1e-9))
	g.Expect(export.Metrics["checks"]["passes"]).To(BeEquivalentTo(10))

	// Text summary: the same figures, k6's layout.
	text := res.Summary()
	g.Expect(text).To(ContainSubstring("✗ 'value<0' value="))
	g.Expect(text).To(ContainSubstring("✓ 'count==10' count=10"))
	g.Expect(text).To(MatchRegexp(`messages_sent\.+: 10 `))
	g.Expect(text).To(MatchRegexp(`latency\.+: avg=18ms +min=10ms +med=10ms +max=90ms +p\(90\)=18ms +p\(95\)=54ms`))
	g.Expect(text).To(ContainSubstring("✓ iteration is a number"))
	g.Expect(res.Checks).To(ConsistOf(wstest.Check{Name: "iteration is a number", Group: "::send", Passes: 10}))
}

// fakeTB records what Test reports.
type fakeTB struct {
	logs, errors, fatals []string
}

func (f *fakeTB) Helper()        {}
func (f *fakeTB) Cleanup(func()) {}
func (f *fakeTB) Logf(format string, args ...any) {
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

func TestTestReportsFailures(t *testing.T) {
	tests := []struct {
		name           string
		path           string
		fatal, errored []string
	}{
		{"failed threshold stops the test", "testdata/thresholds.js", []string{"threshold failed: queue_depth 'value<0' value="}, nil},
		{"iteration exception fails the test", "testdata/iteration_error.js", nil, []string{"testdata/iteration_error.js:5:9: Error: boom 42"}},
		{"script error stops the test", "testdata/setup_error.js", []string{"setup: testdata/setup_error.js:2:9: Error: setup failed on purpose"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			tb := &fakeTB{}
			wstest.Test(tb, tt.path)
			g.Expect(tb.fatals).To(HaveLen(len(tt.fatal)))
			for i, want := range tt.fatal {
				g.Expect(tb.fatals[i]).To(ContainSubstring(want))
			}
			g.Expect(tb.errors).To(HaveLen(len(tt.errored)))
			for i, want := range tt.errored {
				g.Expect(tb.errors[i]).To(ContainSubstring(want))
			}
		})
	}
}

func TestTestSendsConsoleToLog(t *testing.T) {
	g := NewWithT(t)
	tb := &fakeTB{}
	res := wstest.Test(tb, "testdata/smoke.js")
	g.Expect(tb.fatals).To(BeEmpty())
	g.Expect(tb.errors).To(BeEmpty())
	g.Expect(tb.logs).To(ContainElement(ContainSubstring("teardown hello")))
	g.Expect(res.Iterations).To(BeEquivalentTo(4))
}

func TestTestShowsTheStackOfAScriptError(t *testing.T) {
	g := NewWithT(t)
	tb := &fakeTB{}
	wstest.Test(tb, "testdata/setup_error.js")
	g.Expect(tb.fatals).To(HaveExactElements(MatchRegexp(
		`^testdata/setup_error.js: setup: testdata/setup_error.js:2:9: Error: setup failed on purpose\n\tat setup \(testdata/setup_error.js:2:9\(\d+\)\)$`)))
}
