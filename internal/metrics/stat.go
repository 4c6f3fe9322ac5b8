package metrics

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// StatKind is one kind of k6 aggregation.
type StatKind int

// The aggregations of k6 metrics.
const (
	StatCount StatKind = iota + 1
	StatRate
	StatValue
	StatMin
	StatMax
	StatAvg
	StatMed
	StatPercentile
	StatPasses
	StatFails
)

// Stat is a parsed aggregation name such as "count", "avg" or "p(95)".
type Stat struct {
	// Kind is the aggregation.
	Kind StatKind
	// P is N of p(N), in 0..100; zero for the other kinds.
	P float64
}

// statWord returns the kind of an aggregation named by a plain word.
func statWord(s string) (StatKind, bool) {
	switch s {
	case "count":
		return StatCount, true
	case "rate":
		return StatRate, true
	case "value":
		return StatValue, true
	case "min":
		return StatMin, true
	case "max":
		return StatMax, true
	case "avg":
		return StatAvg, true
	case "med":
		return StatMed, true
	case "passes":
		return StatPasses, true
	case "fails":
		return StatFails, true
	}
	return 0, false
}

// ParseStat reads an aggregation name as k6 writes it: "count", "rate",
// "value", "min", "max", "avg", "med", "passes", "fails" or "p(N)" with N
// a number from 0 to 100 ("p(99.9)"). p(NaN) is refused, as k6 does.
func ParseStat(s string) (Stat, error) {
	if k, ok := statWord(s); ok {
		return Stat{Kind: k}, nil
	}
	if strings.HasPrefix(s, "p(") && strings.HasSuffix(s, ")") {
		num := s[2 : len(s)-1]
		p, err := strconv.ParseFloat(num, 64)
		if err != nil || math.IsNaN(p) {
			return Stat{}, fmt.Errorf("malformed percentile value %q", num)
		}
		if p < 0 || p > 100 {
			return Stat{}, fmt.Errorf("percentile %s out of range [0, 100]", num)
		}
		return Stat{Kind: StatPercentile, P: p}, nil
	}
	return Stat{}, fmt.Errorf("unknown aggregation method %q", s)
}

// allowedOn reports whether k6 computes this aggregation for metrics of type t.
func (n Stat) allowedOn(t Type) bool {
	switch t {
	case Counter:
		return n.Kind == StatCount || n.Kind == StatRate
	case Gauge:
		return n.Kind == StatValue || n.Kind == StatMin || n.Kind == StatMax
	case Rate:
		return n.Kind == StatRate || n.Kind == StatPasses || n.Kind == StatFails
	case Trend:
		switch n.Kind {
		case StatAvg, StatMin, StatMax, StatMed, StatPercentile, StatCount:
			return true
		}
	}
	return false
}

// value computes the aggregation; ok is false when k6 has no value for it
// (a Rate without samples, a Counter rate over a zero duration, or an
// aggregation the metric type does not have). src is as for sortedValues.
func (s *sink) value(n Stat, d time.Duration, src *column[float64]) (float64, bool) {
	if !n.allowedOn(s.typ) {
		return 0, false
	}
	switch s.typ {
	case Counter:
		if n.Kind == StatCount {
			return s.sum, true
		}
		if d <= 0 {
			return 0, false
		}
		return s.sum / d.Seconds(), true
	case Gauge:
		switch n.Kind {
		case StatMin:
			return s.min, true
		case StatMax:
			return s.max, true
		}
		return s.last, true
	case Rate:
		switch n.Kind {
		case StatPasses:
			return float64(s.trues), true
		case StatFails:
			return float64(s.count - s.trues), true
		}
		if s.count == 0 {
			return 0, false
		}
		return float64(s.trues) / float64(s.count), true
	}
	// Trend.
	switch n.Kind {
	case StatCount:
		return float64(s.count), true
	case StatAvg:
		if s.count == 0 {
			return 0, true
		}
		return s.sum / float64(s.count), true
	case StatMin:
		return s.min, true
	case StatMax:
		return s.max, true
	case StatMed:
		return percentile(s.sortedValues(src), 0.5), true
	}
	return percentile(s.sortedValues(src), n.P/100), true
}
