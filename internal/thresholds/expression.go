package thresholds

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wsk6/wstest/internal/metrics"
)

// Expression is a parsed threshold expression, "<aggregation> <op> <number>".
type Expression struct {
	// Aggregation is the aggregation as written, e.g. "p(95)".
	Aggregation string
	// Stat is Aggregation parsed.
	Stat metrics.Stat
	// Op is one of <, <=, >, >=, == and != ("===" reads as "==").
	Op string
	// Value is the number compared with: plain, without units (trend
	// times are milliseconds).
	Value float64
}

// ParseExpression reads one threshold expression (without the metric), as
// k6 does: spaces around the parts are optional; the operators are tried
// in the order <=, <, >=, >, ===, ==, != and the first one found with text
// after it splits the expression; the right side must be a number that
// strconv.ParseFloat reads; the left side an aggregation name
// (metrics.ParseStat). Which aggregations a metric type allows is checked
// by Parse.
func ParseExpression(src string) (Expression, error) {
	for _, op := range [...]string{"<=", "<", ">=", ">", "===", "==", "!="} {
		i := strings.Index(src, op)
		if i < 0 || strings.TrimSpace(src[i+len(op):]) == "" {
			continue
		}
		left := strings.TrimSpace(src[:i])
		right := strings.TrimSpace(src[i+len(op):])
		if left == "" {
			return Expression{}, fmt.Errorf("malformed expression")
		}
		stat, err := metrics.ParseStat(left)
		if err != nil {
			return Expression{}, err
		}
		v, err := strconv.ParseFloat(right, 64)
		if err != nil {
			return Expression{}, fmt.Errorf("invalid value %q", right)
		}
		if op == "===" {
			op = "=="
		}
		return Expression{Aggregation: left, Stat: stat, Op: op, Value: v}, nil
	}
	return Expression{}, fmt.Errorf("malformed expression")
}

// Holds reports whether got satisfies the expression.
func (e Expression) Holds(got float64) bool {
	switch e.Op {
	case "<=":
		return got <= e.Value
	case "<":
		return got < e.Value
	case ">=":
		return got >= e.Value
	case ">":
		return got > e.Value
	case "==":
		return got == e.Value
	}
	return got != e.Value // "!="
}

// allowedOn reports whether k6 accepts the aggregation in a threshold on a
// metric of type t: narrower than what the engine computes (no gauge
// min/max, no trend count, no rate passes/fails).
func allowedOn(s metrics.Stat, t metrics.Type) bool {
	switch t {
	case metrics.Counter:
		return s.Kind == metrics.StatCount || s.Kind == metrics.StatRate
	case metrics.Gauge:
		return s.Kind == metrics.StatValue
	case metrics.Rate:
		return s.Kind == metrics.StatRate
	case metrics.Trend:
		switch s.Kind {
		case metrics.StatAvg, metrics.StatMin, metrics.StatMax, metrics.StatMed, metrics.StatPercentile:
			return true
		}
	}
	return false
}

// supported lists the threshold aggregations of a metric type, as k6
// names them in its errors.
func supported(t metrics.Type) []string {
	switch t {
	case metrics.Counter:
		return []string{"count", "rate"}
	case metrics.Gauge:
		return []string{"value"}
	case metrics.Rate:
		return []string{"rate"}
	case metrics.Trend:
		return []string{"avg", "min", "max", "med", "p(N)"}
	}
	return nil
}
