package metrics

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"time"
)

// defaultTrendStats are the trend columns k6 shows by default.
var defaultTrendStats = []string{"avg", "min", "med", "max", "p(90)", "p(95)"}

// DefaultTrendStats returns k6's default summaryTrendStats.
func DefaultTrendStats() []string { return append([]string(nil), defaultTrendStats...) }

// ValidateTrendStats checks summaryTrendStats entries: avg, min, med, max,
// count or p(N) with 0 <= N <= 100.
func ValidateTrendStats(stats []string) error {
	for _, s := range stats {
		n, err := parseStat(s)
		if err != nil || !n.allowedOn(Trend) {
			return fmt.Errorf("summary trend stat %q is not one of avg, min, med, max, count or p(N)", s)
		}
	}
	return nil
}

// PathID returns k6's id of a group or check path: the hex MD5 of the path.
func PathID(path string) string {
	sum := md5.Sum([]byte(path))
	return hex.EncodeToString(sum[:])
}

// Check is one check's totals, for the summary.
type Check struct {
	Name   string
	Path   string // "::group::name"; "::name" at the root
	ID     string // PathID(Path)
	Passes int
	Fails  int
}

// Group is one group with its checks and subgroups in first-seen order.
// The root group has an empty name and path.
type Group struct {
	Name   string
	Path   string
	ID     string
	Groups []Group
	Checks []Check
}

// SummaryInput is what the end-of-test outputs are built from.
type SummaryInput struct {
	Registry *Registry
	// Duration is the test run duration; Counter rates are per second of it.
	Duration time.Duration
	// Thresholds are the end-of-test results (Thresholds.Evaluate).
	Thresholds []ThresholdResult
	// RootGroup holds the checks and groups of the run.
	RootGroup Group
	// TrendStats are the summaryTrendStats (nil for k6's default).
	TrendStats []string
	// TimeUnit is summaryTimeUnit: "", "s", "ms" or "us".
	TimeUnit string
	// NoColor goes to data.options (the text summary never uses colour).
	NoColor bool
	// IsStdOutTTY and IsStdErrTTY go to data.state.
	IsStdOutTTY bool
	IsStdErrTTY bool
	// SetupData is what setup() returned (omitted when nil).
	SetupData any
}

func (in *SummaryInput) trendStats() []string {
	if len(in.TrendStats) == 0 {
		return defaultTrendStats
	}
	return in.TrendStats
}

// aggregator is a metric or submetric.
type aggregator interface {
	stat(n statName, d time.Duration) (float64, bool)
	rateCounts() (trues, total int)
}

// summaryMetric is one metric or submetric shown in the outputs.
type summaryMetric struct {
	key        string // metric name, or threshold key for submetrics
	metric     *Metric
	agg        aggregator
	sub        bool
	thresholds []ThresholdResult
}

// summaryMetrics lists the metrics that have samples or thresholds, each
// followed by its submetrics that have thresholds.
func (in *SummaryInput) summaryMetrics() []summaryMetric {
	byKey := map[string][]ThresholdResult{}
	subKeys := map[string][]string{} // metric -> submetric keys in order
	for _, t := range in.Thresholds {
		if _, seen := byKey[t.Key]; !seen && t.Tags != nil {
			subKeys[t.Metric] = append(subKeys[t.Metric], t.Key)
		}
		byKey[t.Key] = append(byKey[t.Key], t)
	}
	var out []summaryMetric
	for _, m := range in.Registry.All() {
		_, has := byKey[m.Name]
		if m.Count() == 0 && !has && len(subKeys[m.Name]) == 0 {
			continue
		}
		out = append(out, summaryMetric{key: m.Name, metric: m, agg: m, thresholds: byKey[m.Name]})
		for _, k := range subKeys[m.Name] {
			res := byKey[k]
			out = append(out, summaryMetric{key: k, metric: m, agg: m.Sub(res[0].Tags), sub: true, thresholds: res})
		}
	}
	return out
}

// values computes k6's summary values of a metric: count and rate for
// counters, value/min/max for gauges, rate/passes/fails for rates, the
// trend stats for trends.
func (in *SummaryInput) values(sm summaryMetric) (keys []string, vals map[string]float64) {
	get := func(name string) float64 {
		n, err := parseStat(name)
		if err != nil {
			return 0
		}
		v, _ := sm.agg.stat(n, in.Duration)
		return v
	}
	switch sm.metric.Type {
	case Counter:
		keys = []string{"count", "rate"}
	case Gauge:
		keys = []string{"value", "min", "max"}
	case Rate:
		keys = []string{"rate", "passes", "fails"}
	default:
		keys = in.trendStats()
	}
	vals = make(map[string]float64, len(keys))
	for _, k := range keys {
		vals[k] = get(k)
	}
	return keys, vals
}

// SummaryData builds the object handleSummary receives, ready for
// encoding/json or for conversion into a JS value.
func SummaryData(in SummaryInput) map[string]any {
	ms := map[string]any{}
	for _, sm := range in.summaryMetrics() {
		_, vals := in.values(sm)
		v := make(map[string]any, len(vals))
		for k, x := range vals {
			v[k] = x
		}
		entry := map[string]any{
			"type":     sm.metric.Type.String(),
			"contains": sm.metric.Contains.String(),
			"values":   v,
		}
		if len(sm.thresholds) > 0 {
			th := map[string]any{}
			for _, t := range sm.thresholds {
				th[t.Source] = map[string]any{"ok": t.OK}
			}
			entry["thresholds"] = th
		}
		ms[sm.key] = entry
	}
	data := map[string]any{
		"metrics":    ms,
		"root_group": groupData(in.RootGroup),
		"options": map[string]any{
			"summaryTrendStats": append([]string(nil), in.trendStats()...),
			"summaryTimeUnit":   in.TimeUnit,
			"noColor":           in.NoColor,
		},
		"state": map[string]any{
			"isStdOutTTY":       in.IsStdOutTTY,
			"isStdErrTTY":       in.IsStdErrTTY,
			"testRunDurationMs": float64(in.Duration) / float64(time.Millisecond),
		},
	}
	if in.SetupData != nil {
		data["setup_data"] = in.SetupData
	}
	return data
}

func groupData(g Group) map[string]any {
	groups := make([]any, 0, len(g.Groups))
	for _, sg := range g.Groups {
		groups = append(groups, groupData(sg))
	}
	checks := make([]any, 0, len(g.Checks))
	for _, c := range g.Checks {
		checks = append(checks, map[string]any{
			"name": c.Name, "path": c.Path, "id": idOr(c.ID, c.Path),
			"passes": c.Passes, "fails": c.Fails,
		})
	}
	return map[string]any{
		"name": g.Name, "path": g.Path, "id": idOr(g.ID, g.Path),
		"groups": groups, "checks": checks,
	}
}

func idOr(id, path string) string {
	if id != "" {
		return id
	}
	return PathID(path)
}
