package metrics

import "time"

// Frozen is a copy of a metric's (or submetric's) aggregates taken at one
// moment: later samples do not change it, and it is safe to read from any
// goroutine. The zero value has no samples and no aggregates.
type Frozen struct {
	sink  sink
	d     time.Duration
	valid bool
}

// freeze copies s; trend values are merged and copied so that the copy
// shares nothing with the live sink. Callers hold the owner's lock.
func freeze(s *sink, src *column[float64], d time.Duration) Frozen {
	f := Frozen{sink: *s, d: d, valid: true}
	f.sink.pending = column[float64]{}
	f.sink.sorted = nil
	if s.typ == Trend {
		f.sink.sorted = append([]float64(nil), s.sortedValues(src)...)
	}
	return f
}

// Freeze copies the metric's aggregates now; d is the run's duration so
// far, which counter rates are computed over.
func (m *Metric) Freeze(d time.Duration) Frozen {
	m.mu.Lock()
	defer m.mu.Unlock()
	return freeze(&m.sink, m.valueSource(), d)
}

// FreezeSubs copies the aggregates of every submetric made so far (those
// thresholds name), by selector as SelectorString renders it.
func (m *Metric) FreezeSubs(d time.Duration) map[string]Frozen {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]Frozen, len(m.subs))
	for _, s := range m.subs {
		out[SelectorString(s.Tags)] = freeze(&s.sink, nil, d)
	}
	return out
}

// FreezeValues folds values of a metric of type t into frozen aggregates,
// as if they had been added in that order.
func FreezeValues(t Type, values []float64, d time.Duration) Frozen {
	s := sink{typ: t}
	for _, v := range values {
		s.add(v, true)
	}
	return freeze(&s, nil, d)
}

// Count is the number of samples folded in.
func (f Frozen) Count() int { return f.sink.count }

// Stat returns one aggregate by its k6 name, as Metric.Stat does. ok is
// false for a zero Frozen.
func (f Frozen) Stat(name string) (float64, bool) {
	if !f.valid {
		return 0, false
	}
	n, err := ParseStat(name)
	if err != nil {
		return 0, false
	}
	return f.sink.value(n, f.d, nil)
}
