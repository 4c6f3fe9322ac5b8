package metrics

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// statKind is one k6 aggregation.
type statKind int

const (
	statCount statKind = iota + 1
	statRate
	statValue
	statMin
	statMax
	statAvg
	statMed
	statPercentile
	statPasses
	statFails
)

// statName is a parsed aggregation: a kind and, for p(N), N in 0..100.
type statName struct {
	kind statKind
	p    float64
}

var statWords = map[string]statKind{
	"count": statCount, "rate": statRate, "value": statValue,
	"min": statMin, "max": statMax, "avg": statAvg, "med": statMed,
	"passes": statPasses, "fails": statFails,
}

// parseStat reads "count", "avg", "p(95)", "p(99.9)" and the like.
func parseStat(s string) (statName, error) {
	if k, ok := statWords[s]; ok {
		return statName{kind: k}, nil
	}
	if strings.HasPrefix(s, "p(") && strings.HasSuffix(s, ")") {
		num := s[2 : len(s)-1]
		p, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return statName{}, fmt.Errorf("malformed percentile value %q", num)
		}
		if p < 0 || p > 100 {
			return statName{}, fmt.Errorf("percentile %s out of range [0, 100]", num)
		}
		return statName{kind: statPercentile, p: p}, nil
	}
	return statName{}, fmt.Errorf("unknown aggregation method %q", s)
}

// allowedOn reports whether k6 computes this aggregation for metrics of type t.
func (n statName) allowedOn(t Type) bool {
	switch t {
	case Counter:
		return n.kind == statCount || n.kind == statRate
	case Gauge:
		return n.kind == statValue || n.kind == statMin || n.kind == statMax
	case Rate:
		return n.kind == statRate || n.kind == statPasses || n.kind == statFails
	case Trend:
		switch n.kind {
		case statAvg, statMin, statMax, statMed, statPercentile, statCount:
			return true
		}
	}
	return false
}

// value computes the aggregation; ok is false when k6 has no value for it
// (a Rate without samples, a Counter rate over a zero duration, or an
// aggregation the metric type does not have). src is as for sortedValues.
func (s *sink) value(n statName, d time.Duration, src *column[float64]) (float64, bool) {
	if !n.allowedOn(s.typ) {
		return 0, false
	}
	switch s.typ {
	case Counter:
		if n.kind == statCount {
			return s.sum, true
		}
		if d <= 0 {
			return 0, false
		}
		return s.sum / d.Seconds(), true
	case Gauge:
		switch n.kind {
		case statMin:
			return s.min, true
		case statMax:
			return s.max, true
		}
		return s.last, true
	case Rate:
		switch n.kind {
		case statPasses:
			return float64(s.trues), true
		case statFails:
			return float64(s.count - s.trues), true
		}
		if s.count == 0 {
			return 0, false
		}
		return float64(s.trues) / float64(s.count), true
	}
	// Trend.
	switch n.kind {
	case statCount:
		return float64(s.count), true
	case statAvg:
		if s.count == 0 {
			return 0, true
		}
		return s.sum / float64(s.count), true
	case statMin:
		return s.min, true
	case statMax:
		return s.max, true
	case statMed:
		return percentile(s.sortedValues(src), 0.5), true
	}
	return percentile(s.sortedValues(src), n.p/100), true
}

// supportedStats lists the threshold aggregations of each type, as k6
// names them in its errors.
func supportedStats(t Type) []string {
	switch t {
	case Counter:
		return []string{"count", "rate"}
	case Gauge:
		return []string{"value"}
	case Rate:
		return []string{"rate"}
	case Trend:
		return []string{"avg", "min", "max", "med", "p(N)"}
	}
	return nil
}
