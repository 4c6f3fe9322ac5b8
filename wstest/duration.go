package wstest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// duration is a k6 option duration: a number of milliseconds, a Go duration
// string ("1m30s") or k6's extended form with days ("2d3h").
type duration time.Duration

func (d *duration) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case float64:
		if x < 0 {
			return fmt.Errorf("duration must not be negative, got %v", x)
		}
		*d = duration(time.Duration(x * float64(time.Millisecond)))
		return nil
	case string:
		parsed, err := parseDuration(x)
		if err != nil {
			return err
		}
		*d = duration(parsed)
		return nil
	}
	return fmt.Errorf("duration must be a string such as \"30s\" or a number of milliseconds, got %s", string(b))
}

func (d duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// parseDuration accepts Go durations, k6's "2d3h" days form and bare
// numbers (seconds, as k6's command line reads them).
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("invalid duration %q: empty", s)
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("invalid duration %q: must not be negative", s)
		}
		return time.Duration(n * float64(time.Second)), nil
	}
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.ParseFloat(s[:i], 64)
		if err == nil {
			days = time.Duration(n * 24 * float64(time.Hour))
			s = s[i+1:]
		}
	}
	var rest time.Duration
	if s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q: use a form such as 500ms, 30s, 1m30s or 2d3h", s)
		}
		rest = d
	}
	total := days + rest
	if total < 0 {
		return 0, fmt.Errorf("invalid duration %q: must not be negative", s)
	}
	return total, nil
}

// jsonFieldNames lists the JSON names of a struct's fields.
func jsonFieldNames(v any) []string {
	t := reflect.TypeOf(v)
	names := make([]string, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("json")
		if name, _, _ := strings.Cut(tag, ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// ParseDuration reads a duration as k6's command line does: a Go duration
// ("1m30s"), k6's days form ("2d3h") or a bare number of seconds.
func ParseDuration(s string) (time.Duration, error) { return parseDuration(s) }
