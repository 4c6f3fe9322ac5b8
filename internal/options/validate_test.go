package options_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/options"
)

func TestValidate(t *testing.T) {
	const header = "There were problems with the specified script configuration:\n\t- "
	tests := []struct {
		name, options string
		want          string // "" = valid; else the problems after the header, "\n\t- " between
	}{
		{"nothing", `{}`, ""},
		{"a valid mix", `{"summaryTrendStats": ["avg", "p(99.9)", "count"], "scenarios": {
			"r": {"executor": "ramping-vus", "startVUs": 0, "stages": [{"duration": "1s", "target": 2}]}}}`, ""},
		{"negative vus (k6's badopt-vus.js)", `{"vus": -1}`, "scenario default has configuration errors: the number of VUs must be more than 0"},
		{"negative vus with iterations", `{"vus": -2, "iterations": 1}`, "scenario default has configuration errors: the number of VUs must be more than 0"},
		{"iterations below vus", `{"vus": 3, "iterations": 2}`, "scenario default has configuration errors: the number of iterations (2) can't be less than the number of VUs (3)"},
		{"iterations -1", `{"iterations": -1}`, "scenario default has configuration errors: the number of iterations (-1) can't be less than the number of VUs (1)"},
		{"per-vu with no iterations", `{"scenarios": {"p": {"executor": "per-vu-iterations", "iterations": 0}}}`,
			"scenario p has configuration errors: the number of iterations must be more than 0"},
		{"constant-vus without duration", `{"scenarios": {"c": {"executor": "constant-vus", "vus": 2}}}`,
			"scenario c has configuration errors: the duration is unspecified"},
		{"zero duration", `{"duration": 0}`, "scenario default has configuration errors: the duration must be more than 0"},
		{"ramping without stages", `{"scenarios": {"r": {"executor": "ramping-vus"}}}`,
			"scenario r has configuration errors: at least one stage has to be specified"},
		{"ramping negatives", `{"scenarios": {"r": {"executor": "ramping-vus", "startVUs": -1, "stages": [{"duration": "1s", "target": -3}]}}}`,
			"scenario r has configuration errors: the number of start VUs shouldn't be negative\n\t- " +
				"scenario r has configuration errors: target for stage 1 shouldn't be negative"},
		{"missing executor", `{"scenarios": {"x": {"vus": 1}}}`,
			"scenario x has configuration errors: executor is missing: use shared-iterations, per-vu-iterations, constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate"},
		{"unknown executor", `{"scenarios": {"x": {"executor": "bogus"}}}`,
			`scenario x has configuration errors: executor "bogus" is not supported by wstest: use shared-iterations, per-vu-iterations, constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate`},
		{"externally-controlled", `{"scenarios": {"x": {"executor": "externally-controlled", "vus": 1, "maxVUs": 2, "duration": "1s"}}}`,
			`scenario x has configuration errors: executor "externally-controlled" is not supported by wstest: it is driven at run time through k6's REST API (k6 pause, resume, scale), which wstest does not serve; use ramping-vus or ramping-arrival-rate for a load that changes over the run`},
		{"a valid constant-arrival-rate", `{"scenarios": {"c": {"executor": "constant-arrival-rate", "rate": 20, "timeUnit": "100ms",
			"duration": "500ms", "preAllocatedVUs": 2, "maxVUs": 4}}}`, ""},
		{"constant-arrival-rate with nothing", `{"scenarios": {"c": {"executor": "constant-arrival-rate"}}}`,
			"scenario c has configuration errors: the iteration rate isn't specified\n\t- " +
				"scenario c has configuration errors: the duration is unspecified\n\t- " +
				"scenario c has configuration errors: the number of preAllocatedVUs isn't specified"},
		{"constant-arrival-rate out of range", `{"scenarios": {"c": {"executor": "constant-arrival-rate", "rate": 0, "timeUnit": 0,
			"duration": 0, "preAllocatedVUs": -1, "maxVUs": -2}}}`,
			"scenario c has configuration errors: the iteration rate must be more than 0\n\t- " +
				"scenario c has configuration errors: the timeUnit must be more than 0\n\t- " +
				"scenario c has configuration errors: the duration must be more than 0\n\t- " +
				"scenario c has configuration errors: the number of preAllocatedVUs shouldn't be negative\n\t- " +
				"scenario c has configuration errors: maxVUs can't be less than preAllocatedVUs"},
		{"a valid ramping-arrival-rate, maxVUs defaulting to preAllocatedVUs", `{"scenarios": {"r": {"executor": "ramping-arrival-rate",
			"preAllocatedVUs": 3, "stages": [{"duration": "1s", "target": 10}]}}}`, ""},
		{"ramping-arrival-rate problems", `{"scenarios": {"r": {"executor": "ramping-arrival-rate", "startRate": -1,
			"preAllocatedVUs": 3, "maxVUs": 2, "stages": [{"duration": "1s", "target": -1}]}}}`,
			"scenario r has configuration errors: the startRate value can't be negative\n\t- " +
				"scenario r has configuration errors: target for stage 1 shouldn't be negative\n\t- " +
				"scenario r has configuration errors: maxVUs can't be less than preAllocatedVUs"},
		{"empty scenario", `{"scenarios": {"x": null}}`,
			"scenario x has configuration errors: executor is missing: use shared-iterations, per-vu-iterations, constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate"},
		{"scenarios with a shortcut", `{"iterations": 2, "scenarios": {"x": {"executor": "per-vu-iterations"}}}`,
			"scenarios cannot be combined with the iterations, duration or stages shortcuts"},
		{"stages with duration", `{"duration": "1s", "stages": [{"duration": "1s", "target": 1}]}`,
			"stages cannot be combined with iterations or duration"},
		{"bogus trend stat", `{"summaryTrendStats": ["avg", "bogus"]}`,
			`summary trend stat "bogus" is not one of avg, min, med, max, count or p(N)`},
		{"percentile out of range", `{"summaryTrendStats": ["p(101)"]}`,
			`summary trend stat "p(101)" is not one of avg, min, med, max, count or p(N)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := decode(t, tt.options).Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ve *options.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a *ValidationError", err)
			}
			if got := strings.TrimPrefix(err.Error(), header); got != tt.want || !strings.HasPrefix(err.Error(), header) {
				t.Errorf("got\n%s\nwant\n%s%s", err, header, tt.want)
			}
		})
	}
}

func TestDecodeNamesTheBadOption(t *testing.T) {
	tests := []struct{ options, want string }{
		{`{"duration": "ten seconds"}`, `invalid option "duration": time: invalid duration "ten seconds"`},
		{`{"vus": "many"}`, `invalid option "vus": cannot unmarshal string into Go struct field Options.vus of type int64`},
		{`{"setupTimeout": -1}`, `invalid option "setupTimeout": duration must not be negative, got -1`},
	}
	for _, tt := range tests {
		t.Run(tt.options, func(t *testing.T) {
			l, _, err := options.ParseLayer(options.SourceScript, []byte(tt.options))
			if err != nil {
				t.Fatal(err)
			}
			_, err = options.Decode(l)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestParseLayerReportsUnknownKeysAndAcceptsIgnoredOnes(t *testing.T) {
	l, unknown, err := options.ParseLayer(options.SourceScript, []byte(`{"zeta": 1, "vus": 2, "alpha": true, "batch": 20}`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(unknown, ",") != "alpha,zeta" {
		t.Errorf("unknown: %v", unknown)
	}
	if strings.Join(l.Keys(), ",") != "batch,vus" {
		t.Errorf("keys: %v", l.Keys())
	}
	if _, _, err := options.ParseLayer(options.SourceScript, []byte(`[1]`)); err == nil {
		t.Error("an array was accepted as options")
	}
}
