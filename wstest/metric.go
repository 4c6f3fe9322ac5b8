package wstest

import (
	"fmt"

	"github.com/wsk6/wstest/internal/metrics"
	"sort"
	"strings"
	"time"
)

// Metric is one k6 metric of a run: its type, its samples and its
// aggregates.
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

	stat  func(name string) (float64, bool)
	count func() int64
	sub   func(tags map[string]string) *Metric
}

// Sample is one value of a metric. Samples with the same tags share one
// Tags map: read it, do not change it.
type Sample struct {
	Time  time.Time
	Value float64
	Tags  map[string]string
}

// Count is the number of samples (kept or not).
func (m *Metric) Count() int64 { return m.count() }

// Stat returns an aggregate by its k6 name: count, rate, value, min, max,
// avg, med, passes, fails or p(N). ok is false when the metric's type has
// no such aggregate or it has no samples.
func (m *Metric) Stat(name string) (value float64, ok bool) { return m.stat(name) }

// Values returns the aggregates k6 shows for the metric's type.
func (m *Metric) Values() map[string]float64 {
	out := map[string]float64{}
	for _, name := range statNames(m.Type) {
		if v, ok := m.stat(name); ok {
			out[name] = v
		}
	}
	return out
}

// Sub returns the submetric of the samples whose tags include all of tags.
func (m *Metric) Sub(tags map[string]string) *Metric { return m.sub(tags) }

// String renders the metric and its aggregates on one line.
func (m *Metric) String() string {
	vals := m.Values()
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%g", k, vals[k]))
	}
	name := m.Name
	if len(m.Tags) > 0 {
		name += formatTags(m.Tags)
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
	default:
		return []string{"count", "avg", "min", "med", "max", "p(90)", "p(95)"}
	}
}

// formatTags renders {k:v,k2:v2} with sorted keys, as k6 writes submetrics.
func formatTags(tags map[string]string) string {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + tags[k]
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// snapshotMetrics converts the registry's metrics into Result metrics.
// Aggregates are computed on demand; counter rates use the run's duration.
func snapshotMetrics(reg *metrics.Registry, d time.Duration) map[string]*Metric {
	out := map[string]*Metric{}
	for _, m := range reg.All() {
		out[m.Name] = newMetric(m, d)
	}
	return out
}

func newMetric(m *metrics.Metric, d time.Duration) *Metric {
	pm := &Metric{Name: m.Name, Type: m.Type.String(), Contains: m.Contains.String()}
	samples := m.Samples()
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
	n := int64(m.Count())
	pm.count = func() int64 { return n }
	pm.stat = func(name string) (float64, bool) { return m.Stat(name, d) }
	pm.sub = func(tags map[string]string) *Metric {
		return newSubMetric(pm, m.Sub(tags), d)
	}
	return pm
}

func newSubMetric(parent *Metric, sub *metrics.SubMetric, d time.Duration) *Metric {
	sm := &Metric{Name: parent.Name, Type: parent.Type, Contains: parent.Contains, Tags: sub.Tags}
	for _, s := range parent.Samples {
		if containsTags(s.Tags, sub.Tags) {
			sm.Samples = append(sm.Samples, s)
		}
	}
	n := int64(sub.Count())
	sm.count = func() int64 { return n }
	sm.stat = func(name string) (float64, bool) { return sub.Stat(name, d) }
	sm.sub = func(tags map[string]string) *Metric {
		merged := map[string]string{}
		for k, v := range sub.Tags {
			merged[k] = v
		}
		for k, v := range tags {
			merged[k] = v
		}
		return parent.Sub(merged)
	}
	return sm
}

func containsTags(have, want map[string]string) bool {
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}
