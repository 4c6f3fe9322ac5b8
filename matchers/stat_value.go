package matchers

import (
	"math"
	"strconv"

	"github.com/wsk6/wstest/wstest"
)

// statValue is an aggregate of a metric as the metric matchers compare and
// show it: a count (a trend's number of samples, a rate's passes or fails,
// a counter's count when it is a whole number) as a Go int, so that
// Equal(4) works; any other aggregate as a float64.
type statValue struct {
	v    float64
	stat string
	m    *wstest.Metric
}

// compared is what an inner matcher gets.
func (s statValue) compared() any {
	if isCount(s.m, s.stat) && s.v == math.Trunc(s.v) && math.Abs(s.v) < 1<<53 {
		return int(s.v)
	}
	return s.v
}

// String renders the value rounded with its unit, as k6's summary does.
func (s statValue) String() string {
	if f := s.m.FormatStat(s.stat); f != "" {
		return f
	}
	return strconv.FormatFloat(s.v, 'g', -1, 64)
}

// isCount tells the aggregates that count something.
func isCount(m *wstest.Metric, stat string) bool {
	switch stat {
	case "count", "passes", "fails":
		return m.Type != "gauge"
	}
	return false
}

// headlineStat names the aggregate HaveMetric compares for m: what k6 shows
// first for its type, and the number of samples ("count") for a trend.
func headlineStat(m *wstest.Metric) string {
	if m == nil {
		return "count"
	}
	switch m.Type {
	case "gauge":
		return "value"
	case "rate":
		return "rate"
	}
	return "count"
}
