package metrics

import (
	"sync"
	"time"
)

// Metric is one registered metric. Its methods are safe for concurrent use.
type Metric struct {
	Name     string
	Type     Type
	Contains ValueType

	reg *Registry

	mu      sync.Mutex // guards everything below
	sink    sink
	samples sampleColumns
	subs    []*SubMetric
}

// sampleColumns holds kept samples column by column: 20 bytes a sample.
type sampleColumns struct {
	times  column[int64] // unix nanoseconds
	values column[float64]
	tags   column[uint32] // TagSet ids of the registry
}

// Sample is one recorded value with its time and tags.
type Sample struct {
	Time  time.Time
	Value float64
	Tags  *TagSet
}

// Add records one sample; goroutine-safe; 0 allocations in steady state.
// A nil tags means the registry's empty set.
func (m *Metric) Add(t time.Time, v float64, tags *TagSet) { m.AddWithMetadata(t, v, tags, nil) }

// AddWithMetadata records one sample that carries md for the outputs.
func (m *Metric) AddWithMetadata(t time.Time, v float64, tags *TagSet, md Metadata) {
	if tags == nil {
		tags = m.reg.empty
	}
	keep := m.reg.takeRoom()
	m.mu.Lock()
	// While every sample is kept, trend values are read from the sample
	// column; from the first unkept sample on, the sink owns a copy.
	allKept := m.samples.values.len() == m.sink.count
	if keep {
		m.samples.times.add(t.UnixNano())
		m.samples.values.add(v)
		m.samples.tags.add(tags.id)
	} else if allKept && m.sink.count > 0 && m.Type == Trend {
		m.samples.values.each(len(m.sink.sorted), m.sink.pending.add)
	}
	m.sink.add(v, !(keep && allKept))
	for _, s := range m.subs {
		if s.matches(tags) {
			s.sink.add(v, true)
		}
	}
	m.mu.Unlock()
	if outs := m.reg.outputs.Load(); outs != nil {
		for _, o := range *outs {
			o.AddSample(m, t, v, tags, md)
		}
	}
}

// valueSource returns the column the sink reads trend values from, or
// nil when the sink owns its values. Callers hold m.mu.
func (m *Metric) valueSource() *column[float64] {
	if m.samples.values.len() == m.sink.count {
		return &m.samples.values
	}
	return nil
}

// Count returns the number of samples added (kept or not).
func (m *Metric) Count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sink.count
}

// Samples returns a copy of the kept samples in the order they were added
// (nil when the registry does not keep samples).
func (m *Metric) Samples() []Sample {
	table := m.reg.tags.snapshot()
	m.mu.Lock()
	defer m.mu.Unlock()
	n := m.samples.values.len()
	if n == 0 {
		return nil
	}
	out := make([]Sample, 0, n)
	m.samples.values.each(0, func(v float64) { out = append(out, Sample{Value: v}) })
	i := 0
	m.samples.times.each(0, func(ns int64) { out[i].Time = time.Unix(0, ns); i++ })
	i = 0
	m.samples.tags.each(0, func(id uint32) {
		if int(id) >= len(table) {
			table = m.reg.tags.snapshot()
		}
		out[i].Tags = table[id]
		i++
	})
	return out
}

// Stat returns one k6 aggregate of the metric: "count" and "rate" (per
// second over d) for counters; "value", "min", "max" for gauges; "rate",
// "passes", "fails" for rates; "avg", "min", "max", "med", "p(N)",
// "count" for trends. ok is false when the aggregate does not exist for
// this type or has no value (a Rate without samples, a Counter rate with
// d = 0).
func (m *Metric) Stat(name string, d time.Duration) (float64, bool) {
	n, err := ParseStat(name)
	if err != nil {
		return 0, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sink.value(n, d, m.valueSource())
}

// Aggregate is Stat for a parsed aggregation name.
func (m *Metric) Aggregate(n Stat, d time.Duration) (float64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sink.value(n, d, m.valueSource())
}

// RateCounts returns a Rate's non-zero samples and total samples.
func (m *Metric) RateCounts() (trues, total int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.sink.trues, m.sink.count
}
