package options_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// The two entry points of the one grammar: option values and flags.
func TestDurationGrammar(t *testing.T) {
	tests := []struct {
		in      string
		option  time.Duration
		optErr  string // "" = accepted as an option value
		flag    time.Duration
		flagErr string // "" = accepted as a flag value
	}{
		{in: "2", option: 2 * time.Millisecond, flagErr: `time: missing unit in duration "2"`},
		{in: "1.5", option: 1500 * time.Microsecond, flagErr: `time: missing unit in duration "1.5"`},
		{in: "0", option: 0, flag: 0},
		{in: "500ms", option: 500 * time.Millisecond, flag: 500 * time.Millisecond},
		{in: "1m30s", option: 90 * time.Second, flag: 90 * time.Second},
		{in: "2d", option: 48 * time.Hour, flag: 48 * time.Hour},
		{in: "2d3h", option: 51 * time.Hour, flag: 51 * time.Hour},
		{in: "1d12h30m", option: 36*time.Hour + 30*time.Minute, flag: 36*time.Hour + 30*time.Minute},
		{in: "-1s", optErr: `invalid duration "-1s": must not be negative`, flagErr: `invalid duration "-1s": must not be negative`},
		{in: "-2", optErr: `invalid duration "-2": must not be negative`, flagErr: `time: missing unit in duration "-2"`},
		{in: "2d-3h", optErr: `time: invalid duration "2d-3h"`, flagErr: `time: invalid duration "2d-3h"`},
		{in: "2dx", optErr: `time: invalid duration "2dx"`, flagErr: `time: invalid duration "2dx"`},
		{in: "ten seconds", optErr: `time: invalid duration "ten seconds"`, flagErr: `time: invalid duration "ten seconds"`},
		{in: "s", optErr: `time: invalid duration "s"`, flagErr: `time: invalid duration "s"`},
		{in: "", optErr: `time: invalid duration ""`, flagErr: `time: invalid duration ""`},
		// Past what a Duration holds: refused, never wrapped to a negative.
		{in: "1e300", optErr: `time: invalid duration "1e300": not a number of at most 292 years`, flagErr: `time: unknown unit "e" in duration "1e300"`},
		{in: "NaN", optErr: `time: invalid duration "NaN": not a number of at most 292 years`, flagErr: `time: invalid duration "NaN"`},
		{in: "106752d", optErr: `time: invalid duration "106752d": not a number of at most 292 years`, flagErr: `time: invalid duration "106752d": not a number of at most 292 years`},
		{in: "106751d24h", optErr: `time: invalid duration "106751d24h": not a number of at most 292 years`, flagErr: `time: invalid duration "106751d24h": not a number of at most 292 years`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := options.ParseDuration(tt.in)
			check(t, "option", got, err, tt.option, tt.optErr)
			got, err = options.ParseFlagDuration(tt.in)
			check(t, "flag", got, err, tt.flag, tt.flagErr)
		})
	}
}

func check(t *testing.T, what string, got time.Duration, err error, want time.Duration, wantErr string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || err.Error() != wantErr {
			t.Errorf("%s: error %v, want %q", what, err, wantErr)
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("%s: got %v, %v; want %v", what, got, err, want)
	}
}

func TestDurationJSON(t *testing.T) {
	tests := []struct {
		json    string
		want    time.Duration
		wantErr string
	}{
		{json: `1500`, want: 1500 * time.Millisecond},
		{json: `0.5`, want: 500 * time.Microsecond},
		{json: `"2"`, want: 2 * time.Millisecond},
		{json: `"1m30s"`, want: 90 * time.Second},
		{json: `"2d3h"`, want: 51 * time.Hour},
		{json: `-5`, wantErr: "duration must not be negative, got -5"},
		{json: `"-5s"`, wantErr: `invalid duration "-5s": must not be negative`},
		{json: `true`, wantErr: `duration must be a string such as "30s" or a number of milliseconds, got true`},
		{json: `"garbage"`, wantErr: `time: invalid duration "garbage"`},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			var d options.Duration
			err := json.Unmarshal([]byte(tt.json), &d)
			check(t, "json", time.Duration(d), err, tt.want, tt.wantErr)
		})
	}
}

func TestDurationMarshalsAsAGoDuration(t *testing.T) {
	b, err := json.Marshal(options.Duration(90 * time.Second))
	if err != nil || string(b) != `"1m30s"` {
		t.Fatalf("got %s, %v", b, err)
	}
	var back options.Duration
	if err := json.Unmarshal(b, &back); err != nil || time.Duration(back) != 90*time.Second {
		t.Fatalf("round trip: %v, %v", back, err)
	}
}
