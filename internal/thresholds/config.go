package thresholds

import (
	"fmt"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// entry is one element of a threshold list before its expression is read.
type entry struct {
	source      string
	abortOnFail bool
	delay       time.Duration
}

// readEntries reads the JSON-decoded value of one options.thresholds key:
// a list whose elements are expression strings or objects
// {threshold, abortOnFail, delayAbortEval}; a lone string is a list of one.
func readEntries(raw any) ([]entry, error) {
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
	out := make([]entry, 0, len(items))
	for _, it := range items {
		switch v := it.(type) {
		case string:
			out = append(out, entry{source: v})
		case map[string]any:
			e, err := readObject(v)
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

// readObject reads {threshold, abortOnFail, delayAbortEval}.
func readObject(v map[string]any) (entry, error) {
	var e entry
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

// parseDelay reads delayAbortEval with the options' duration grammar: a
// number of milliseconds or a duration string ("10s", "1d2h", "500").
func parseDelay(v any) (time.Duration, error) {
	switch d := v.(type) {
	case float64:
		return time.Duration(d * float64(time.Millisecond)), nil
	case int:
		return time.Duration(d) * time.Millisecond, nil
	case string:
		dur, err := options.ParseDuration(d)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration", d)
		}
		return dur, nil
	}
	return 0, fmt.Errorf("%v is not a duration", v)
}
