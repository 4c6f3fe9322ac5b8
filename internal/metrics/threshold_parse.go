package metrics

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// thresholdOps are tried in this order; the first one found with a
// non-empty right side splits the expression.
var thresholdOps = []string{"<=", "<", ">=", ">", "===", "==", "!="}

// expression is a parsed "<aggregation> <op> <number>".
type expression struct {
	aggText string
	agg     statName
	op      string
	value   float64
}

// parseExpression parses one threshold expression (without the metric).
func parseExpression(src string) (expression, error) {
	for _, op := range thresholdOps {
		i := strings.Index(src, op)
		if i < 0 || strings.TrimSpace(src[i+len(op):]) == "" {
			continue
		}
		left := strings.TrimSpace(src[:i])
		right := strings.TrimSpace(src[i+len(op):])
		if left == "" {
			return expression{}, fmt.Errorf("malformed expression")
		}
		agg, err := parseStat(left)
		if err != nil {
			return expression{}, err
		}
		v, err := strconv.ParseFloat(right, 64)
		if err != nil {
			return expression{}, fmt.Errorf("invalid value %q", right)
		}
		if op == "===" {
			op = "=="
		}
		return expression{aggText: left, agg: agg, op: op, value: v}, nil
	}
	return expression{}, fmt.Errorf("malformed expression")
}

// holds reports whether got satisfies the expression.
func (e expression) holds(got float64) bool {
	switch e.op {
	case "<=":
		return got <= e.value
	case "<":
		return got < e.value
	case ">=":
		return got >= e.value
	case ">":
		return got > e.value
	case "==":
		return got == e.value
	}
	return got != e.value // "!="
}

// ParseSelector splits a threshold key "name{tag:value,tag2:value}" into
// the metric name and the submetric selector (nil when there is none).
func ParseSelector(key string) (string, map[string]string, error) {
	open := strings.IndexByte(key, '{')
	if open < 0 {
		if strings.ContainsAny(key, "}") {
			return "", nil, fmt.Errorf("malformed submetric selector in %q", key)
		}
		return strings.TrimSpace(key), nil, nil
	}
	name := strings.TrimSpace(key[:open])
	if name == "" || !strings.HasSuffix(key, "}") || strings.Count(key, "{") != 1 || strings.Count(key, "}") != 1 {
		return "", nil, fmt.Errorf("malformed submetric selector in %q", key)
	}
	inner := key[open+1 : len(key)-1]
	if strings.TrimSpace(inner) == "" {
		return "", nil, fmt.Errorf("malformed submetric selector in %q: no tags", key)
	}
	sel := map[string]string{}
	for _, part := range strings.Split(inner, ",") {
		k, v, ok := strings.Cut(part, ":")
		k = strings.TrimSpace(k)
		v = unquote(strings.TrimSpace(v))
		if !ok || k == "" {
			return "", nil, fmt.Errorf("malformed submetric selector in %q: %q is not key:value", key, strings.TrimSpace(part))
		}
		sel[k] = v
	}
	return name, sel, nil
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// thresholdEntry is one element of a threshold list before validation.
type thresholdEntry struct {
	source      string
	abortOnFail bool
	delay       time.Duration
}

// readEntries reads the JSON-decoded value of one options.thresholds key.
func readEntries(raw any) ([]thresholdEntry, error) {
	var items []any
	switch v := raw.(type) {
	case []any:
		items = v
	case []string:
		for _, s := range v {
			items = append(items, s)
		}
	case string:
		items = []any{v}
	default:
		return nil, fmt.Errorf("expected a list of threshold expressions, got %T", raw)
	}
	out := make([]thresholdEntry, 0, len(items))
	for _, it := range items {
		switch v := it.(type) {
		case string:
			out = append(out, thresholdEntry{source: v})
		case map[string]any:
			e, err := readObjectEntry(v)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		default:
			return nil, fmt.Errorf("a threshold must be a string or an object, got %T", it)
		}
	}
	return out, nil
}

func readObjectEntry(v map[string]any) (thresholdEntry, error) {
	var e thresholdEntry
	src, ok := v["threshold"].(string)
	if !ok {
		return e, fmt.Errorf(`threshold object needs a "threshold" string`)
	}
	e.source = src
	if a, ok := v["abortOnFail"]; ok && a != nil {
		b, ok := a.(bool)
		if !ok {
			return e, fmt.Errorf("abortOnFail of %q must be a boolean", src)
		}
		e.abortOnFail = b
	}
	if d, ok := v["delayAbortEval"]; ok && d != nil {
		dur, err := parseDelay(d)
		if err != nil {
			return e, fmt.Errorf("invalid delayAbortEval of %q: %v", src, err)
		}
		e.delay = dur
	}
	for k := range v {
		switch k {
		case "threshold", "abortOnFail", "delayAbortEval":
		default:
			return e, fmt.Errorf("unknown threshold option %q", k)
		}
	}
	return e, nil
}

// parseDelay reads a duration: a number of milliseconds, or a string such
// as "10s", "1m30s", "500ms" or "1d2h".
func parseDelay(v any) (time.Duration, error) {
	switch d := v.(type) {
	case float64:
		return time.Duration(d * float64(time.Millisecond)), nil
	case int:
		return time.Duration(d) * time.Millisecond, nil
	case string:
		s := strings.TrimSpace(d)
		if ms, err := strconv.ParseFloat(s, 64); err == nil {
			return time.Duration(ms * float64(time.Millisecond)), nil
		}
		var days time.Duration
		if i := strings.IndexByte(s, 'd'); i > 0 {
			n, err := strconv.Atoi(s[:i])
			if err != nil {
				return 0, fmt.Errorf("%q is not a duration", d)
			}
			days = time.Duration(n) * 24 * time.Hour
			s = s[i+1:]
			if s == "" {
				return days, nil
			}
		}
		dur, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration", d)
		}
		return days + dur, nil
	}
	return 0, fmt.Errorf("%v is not a duration", v)
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
