package options

import (
	"encoding/json"
	"testing"
	"time"
)

// durationSeeds are the grammar's corners: bare numbers (milliseconds in
// options), units, days, signs, exponents, overflow and junk.
var durationSeeds = []string{
	"0", "2", "1.5", "-1", "1e3", "1e300", "NaN", "Inf", "500ms", "30s", "1m30s", "2d", "2d3h", "1d12h30m",
	"1.5d", "d", "2d-3h", "2d+1h", "0.000001ms", "9223372036854775807ns", "106751d", "106752d", "1h1h",
	"ten seconds", "", " 1s", "1s ", "1µs", "1us", ".5s", "5.s", "+5s", "-0s",
}

// FuzzParseDuration: the option grammar never panics, never gives a
// negative duration, and what it gives formats (as k6 writes it) to text
// that the flag grammar reads back to the same duration.
func FuzzParseDuration(f *testing.F) {
	for _, s := range durationSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		checkDuration(t, s, d, err)
	})
}

// FuzzParseFlagDuration: the same for the command line's grammar, which
// refuses a bare number.
func FuzzParseFlagDuration(f *testing.F) {
	for _, s := range durationSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseFlagDuration(s)
		checkDuration(t, s, d, err)
	})
}

func checkDuration(t *testing.T, s string, d time.Duration, err error) {
	t.Helper()
	if err != nil {
		return
	}
	if d < 0 {
		t.Fatalf("%q parsed to the negative %v", s, d)
	}
	again, err := ParseFlagDuration(d.String())
	if err != nil || again != d {
		t.Fatalf("%q parsed to %v, which reads back as %v, %v", s, d, again, err)
	}
}

// FuzzConsolidate: options JSON, read as the script's layer and merged
// with a command-line layer, never panics; consolidated options write to
// JSON that reads back as a layer and consolidates again.
func FuzzConsolidate(f *testing.F) {
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"vus": 10, "duration": "30s"}`, `{"iterations": 5}`, `{"vus": -1}`,
		`{"stages": [{"duration": "10s", "target": 5}, {"duration": "1d", "target": 0}]}`,
		`{"scenarios": {"a": {"executor": "shared-iterations", "vus": 2, "iterations": 4}}}`,
		`{"scenarios": {"a": {"executor": "constant-arrival-rate", "rate": 10, "timeUnit": "1s", "duration": "5s", "preAllocatedVUs": 2}}}`,
		`{"scenarios": {"a": {"executor": "nope"}}}`, `{"thresholds": {"ws_sessions": ["count>1"]}}`,
		`{"duration": 5, "vus": 1.5}`, `{"hosts": {"a.test": "127.0.0.1"}}`, `{"tags": {"a": "b"}}`,
		`{"unknownKey": 1}`, `{"duration": "-1s"}`, `{"duration": "1e400"}`, `{"userAgent": null}`,
	} {
		f.Add([]byte(s), int64(0))
		f.Add([]byte(s), int64(3))
	}
	f.Fuzz(func(t *testing.T, raw []byte, vus int64) {
		script, _, err := ParseLayer(SourceScript, raw)
		if err != nil {
			return
		}
		cli := NewLayer(SourceCLI)
		if vus > 0 {
			_ = cli.Set("vus", vus)
		}
		opts, _, err := Consolidate(script, cli)
		if err != nil {
			return
		}
		if _, err := opts.DeriveScenarios(); err != nil {
			t.Fatalf("%s: validated options derive no scenarios: %v", raw, err)
		}
		out, err := json.Marshal(opts)
		if err != nil {
			t.Fatalf("%s: consolidated options do not write: %v", raw, err)
		}
		again, _, err := ParseLayer(SourceScript, out)
		if err != nil {
			t.Fatalf("%s: written as %s, which does not read back: %v", raw, out, err)
		}
		if _, _, err := Consolidate(again); err != nil {
			t.Fatalf("%s: written as %s, which does not consolidate: %v", raw, out, err)
		}
	})
}
