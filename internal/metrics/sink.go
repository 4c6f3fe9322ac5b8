package metrics

import (
	"math"
	"slices"
)

// sink accumulates the exact k6 aggregates of one metric or submetric.
// It is not synchronised; its owner locks.
type sink struct {
	typ      Type
	count    int     // samples seen
	sum      float64 // counter total, trend sum
	min, max float64
	last     float64 // gauge value
	trues    int     // rate: samples != 0

	// Trend values: pending holds values not yet merged into sorted when
	// the sink owns its values; a metric that keeps samples reads new
	// values from its sample column instead and leaves pending empty.
	pending column[float64]
	sorted  []float64
}

// add folds one value in; ownValues says whether trend values go to pending.
func (s *sink) add(v float64, ownValues bool) {
	if s.count == 0 || v < s.min {
		s.min = v
	}
	if s.count == 0 || v > s.max {
		s.max = v
	}
	s.count++
	s.last = v
	switch s.typ {
	case Counter, Trend:
		s.sum += v
	case Rate:
		if v != 0 {
			s.trues++
		}
	}
	if s.typ == Trend && ownValues {
		s.pending.add(v)
	}
}

// sortedValues returns every trend value in ascending order. src holds
// all values in arrival order when the sink does not own them (nil
// otherwise); values already merged are not read again.
func (s *sink) sortedValues(src *column[float64]) []float64 {
	merged := len(s.sorted)
	var tail []float64
	if src != nil {
		if src.len() == merged {
			return s.sorted
		}
		tail = make([]float64, 0, src.len()-merged)
		src.each(merged, func(v float64) { tail = append(tail, v) })
	} else {
		if s.pending.len() == 0 {
			return s.sorted
		}
		tail = make([]float64, 0, s.pending.len())
		s.pending.each(0, func(v float64) { tail = append(tail, v) })
		s.pending.reset()
	}
	slices.Sort(tail)
	if merged == 0 {
		s.sorted = tail
		return s.sorted
	}
	out := make([]float64, 0, merged+len(tail))
	a, b := s.sorted, tail
	for len(a) > 0 && len(b) > 0 {
		if b[0] < a[0] {
			out = append(out, b[0])
			b = b[1:]
		} else {
			out = append(out, a[0])
			a = a[1:]
		}
	}
	out = append(append(out, a...), b...)
	s.sorted = out
	return s.sorted
}

// percentile computes k6's percentile p (0..1) of sorted values: the
// value at rank i = p*(n-1), interpolated linearly between its neighbours.
// No values give 0.
func percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	if n == 1 {
		return sorted[0]
	}
	i := p * float64(n-1)
	lo := math.Floor(i)
	li := int(lo)
	if li >= n-1 {
		return sorted[n-1]
	}
	if li < 0 {
		return sorted[0]
	}
	return sorted[li] + (sorted[li+1]-sorted[li])*(i-lo)
}
