package wstest

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// Metric is one k6 metric of a run as it was when the Result was taken:
// its type, its samples and its aggregates. It never changes afterwards,
// and a zero Metric is safe to read (no samples, no aggregates).
type Metric struct {
	Name string
	// Type is counter, gauge, rate or trend.
	Type string
	// Contains is default, time (milliseconds) or data (bytes).
	Contains string
	// Samples is every sample in the order it was added (empty with
	// WithoutSamples).
	Samples []Sample
	// Tags restricts a submetric (nil for the metric itself).
	Tags map[string]string

	agg  metrics.Frozen
	d    time.Duration
	subs map[string]metrics.Frozen // submetrics the engine tracked, by selector
}

// Sample is one value of a metric. Samples with the same tags share one
// Tags map: read it, do not change it.
type Sample struct {
	Time  time.Time
	Value float64
	Tags  map[string]string
}

// Count is the number of samples (kept or not).
func (m *Metric) Count() int64 {
	if m == nil {
		return 0
	}
	return int64(m.agg.Count())
}

// Stat returns an aggregate by its k6 name: count, rate, value, min, max,
// avg, med, passes, fails or p(N). ok is false when the metric's type has
// no such aggregate or it has no samples.
func (m *Metric) Stat(name string) (value float64, ok bool) {
	if m == nil {
		return 0, false
	}
	return m.agg.Stat(name)
}

// Values returns the aggregates k6 shows for the metric's type.
func (m *Metric) Values() map[string]float64 {
	out := map[string]float64{}
	if m == nil {
		return out
	}
	for _, name := range statNames(m.Type) {
		if v, ok := m.agg.Stat(name); ok {
			out[name] = v
		}
	}
	return out
}

// Sub returns the submetric of the samples whose tags include all of tags.
// It is computed from Samples; with WithoutSamples only the submetrics that
// thresholds name have aggregates (others are empty).
func (m *Metric) Sub(tags map[string]string) *Metric {
	if m == nil {
		return &Metric{Tags: tags}
	}
	merged := make(map[string]string, len(m.Tags)+len(tags))
	for k, v := range m.Tags {
		merged[k] = v
	}
	for k, v := range tags {
		merged[k] = v
	}
	sm := &Metric{Name: m.Name, Type: m.Type, Contains: m.Contains, Tags: merged, d: m.d, subs: m.subs}
	var values []float64
	for _, s := range m.Samples {
		if containsTags(s.Tags, merged) {
			sm.Samples = append(sm.Samples, s)
			values = append(values, s.Value)
		}
	}
	if f, ok := m.subs[metrics.SelectorString(merged)]; ok && len(m.Samples) == 0 {
		sm.agg = f
		return sm
	}
	sm.agg = metrics.FreezeValues(metricType(m.Type), values, m.d)
	return sm
}

// String renders the metric and its aggregates on one line, each
// aggregate as FormatStat renders it:
// "ws_connecting (trend, 4 samples) avg=1.2ms count=4 max=2.1ms ...".
func (m *Metric) String() string {
	vals := m.Values()
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+m.FormatStat(k))
	}
	name := m.Name
	if len(m.Tags) > 0 {
		name += "{" + metrics.SelectorString(m.Tags) + "}"
	}
	return fmt.Sprintf("%s (%s, %d samples) %s", name, m.Type, m.Count(), strings.Join(parts, " "))
}

func statNames(typ string) []string {
	switch typ {
	case "counter":
		return []string{"count", "rate"}
	case "gauge":
		return []string{"value", "min", "max"}
	case "rate":
		return []string{"rate", "passes", "fails"}
	case "trend":
		return []string{"count", "avg", "min", "med", "max", "p(90)", "p(95)"}
	}
	return nil
}

// metricType reads back a Type's name.
func metricType(name string) metrics.Type {
	for _, t := range []metrics.Type{metrics.Counter, metrics.Gauge, metrics.Rate, metrics.Trend} {
		if t.String() == name {
			return t
		}
	}
	return metrics.Counter
}

// snapshotMetrics copies the registry's metrics into Result metrics;
// counter rates use the run's duration d.
func snapshotMetrics(reg *metrics.Registry, d time.Duration) map[string]*Metric {
	out := map[string]*Metric{}
	for _, m := range reg.All() {
		out[m.Name] = newMetric(m, d)
	}
	return out
}

func newMetric(m *metrics.Metric, d time.Duration) *Metric {
	pm := &Metric{Name: m.Name, Type: m.Type.String(), Contains: m.Contains.String(), d: d}
	samples := m.Samples()
	pm.agg = m.Freeze(d)
	pm.subs = m.FreezeSubs(d)
	pm.Samples = make([]Sample, len(samples))
	// Samples with the same tag set share one map: tag sets are few, samples many.
	maps := map[*metrics.TagSet]map[string]string{}
	for i, s := range samples {
		tags, ok := maps[s.Tags]
		if !ok {
			tags = s.Tags.Map()
			maps[s.Tags] = tags
		}
		pm.Samples[i] = Sample{Time: s.Time, Value: s.Value, Tags: tags}
	}
	return pm
}

func containsTags(have, want map[string]string) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}
