package options

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is a k6 option duration. In JSON it reads what ParseDuration
// reads, or a number of milliseconds; it is written as a Go duration
// string ("1m30s"), as k6 writes it.
type Duration time.Duration

// UnmarshalJSON reads a number of milliseconds or a duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case float64:
		if x < 0 {
			return fmt.Errorf("duration must not be negative, got %v", x)
		}
		parsed, err := scaled(x, time.Millisecond, string(b))
		if err != nil {
			return err
		}
		*d = Duration(parsed)
		return nil
	case string:
		parsed, err := ParseDuration(x)
		if err != nil {
			return err
		}
		*d = Duration(parsed)
		return nil
	}
	return fmt.Errorf("duration must be a string such as \"30s\" or a number of milliseconds, got %s", string(b))
}

// MarshalJSON writes the duration as a Go duration string.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

// String formats the duration as Go does ("1m30s").
func (d Duration) String() string { return time.Duration(d).String() }

// ParseDuration reads a duration as k6 reads option values (script
// options, config file, K6_* environment variables):
//
//   - a bare number is milliseconds: "2" is 2ms, "1.5" is 1.5ms;
//   - a Go duration: "500ms", "30s", "1m30s";
//   - k6's extended form with days in front: "2d", "2d3h", "1d12h30m".
//
// Negative durations are refused. Errors read like Go's
// (`time: invalid duration "ten seconds"`), as k6's do.
func ParseDuration(s string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n < 0 {
			return 0, negative(s)
		}
		return scaled(n, time.Millisecond, s)
	}
	return parseWithUnit(s)
}

// ParseFlagDuration reads a duration as k6 reads its command-line flags
// (-d/--duration): a Go duration with a unit ("10s", "1m30s", "1500ms").
// A bare number is refused with Go's text, as k6 refuses `-d 2`:
// `time: missing unit in duration "2"`. The spec is silent on days in
// flags; the extended days form ("2d3h") is accepted here too, still with
// a unit. Negative durations are refused.
func ParseFlagDuration(s string) (time.Duration, error) {
	return parseWithUnit(s)
}

// parseWithUnit reads an optional "<N>d" prefix and a Go duration.
func parseWithUnit(s string) (time.Duration, error) {
	var days time.Duration
	rest := s
	if i := strings.IndexByte(s, 'd'); i > 0 {
		if n, err := strconv.ParseFloat(s[:i], 64); err == nil && n >= 0 {
			days, err = scaled(n, 24*time.Hour, s)
			if err != nil {
				return 0, err
			}
			rest = s[i+1:]
			if rest == "" {
				return days, nil
			}
			if rest[0] == '-' || rest[0] == '+' {
				return 0, fmt.Errorf("time: invalid duration %q", s)
			}
		}
	}
	d, err := time.ParseDuration(rest)
	if err != nil {
		if rest != s {
			return 0, fmt.Errorf("time: invalid duration %q", s)
		}
		return 0, err
	}
	if d < 0 || days < 0 {
		return 0, negative(s)
	}
	if days > math.MaxInt64-d {
		return 0, tooLong(s)
	}
	return days + d, nil
}

// scaled is n units as a Duration, refused when it is not a number or
// does not fit (about 292 years).
func scaled(n float64, unit time.Duration, s string) (time.Duration, error) {
	v := n * float64(unit)
	if math.IsNaN(v) || v >= math.MaxInt64 {
		return 0, tooLong(s)
	}
	return time.Duration(v), nil
}

func tooLong(s string) error {
	return fmt.Errorf("time: invalid duration %q: not a number of at most 292 years", s)
}

func negative(s string) error {
	return fmt.Errorf("invalid duration %q: must not be negative", s)
}
