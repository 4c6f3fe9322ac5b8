package options_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/options"
)

// decode reads options JSON as a script layer.
func decode(t *testing.T, raw string) *options.Options {
	t.Helper()
	l, unknown, err := options.ParseLayer(options.SourceScript, []byte(raw))
	if err != nil || len(unknown) > 0 {
		t.Fatalf("parse %s: %v (unknown %v)", raw, err, unknown)
	}
	o, err := options.Decode(l)
	if err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return o
}

func TestShortcutsDeriveTheDefaultScenario(t *testing.T) {
	tests := []struct {
		options  string
		executor string
		summary  string // vus/iterations/duration/startVUs/stages of the scenario
	}{
		{`{}`, options.PerVUIterations, "vus=1 iterations=1"},
		{`null`, options.PerVUIterations, "vus=1 iterations=1"},
		{`{"vus": 3}`, options.SharedIterations, "vus=3 iterations=3"},
		{`{"iterations": 5}`, options.SharedIterations, "vus=1 iterations=5 maxDuration=10m0s"},
		{`{"vus": 2, "iterations": 5, "duration": "5s"}`, options.SharedIterations, "vus=2 iterations=5 maxDuration=5s"},
		{`{"duration": "2s"}`, options.ConstantVUs, "vus=1 duration=2s"},
		{`{"vus": 4, "duration": 1500}`, options.ConstantVUs, "vus=4 duration=1.5s"},
		{`{"vus": 2, "stages": [{"duration": "1s", "target": 3}]}`, options.RampingVUs, "startVUs=2 stages=1"},
		{`{"stages": [{"duration": "1s", "target": 3}]}`, options.RampingVUs, "startVUs=1 stages=1"},
	}
	for _, tt := range tests {
		t.Run(tt.options, func(t *testing.T) {
			list, err := decode(t, tt.options).DeriveScenarios()
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || list[0].Name != "default" || list[0].Executor != tt.executor {
				t.Fatalf("got %+v, want one scenario default of %s", list, tt.executor)
			}
			if got := summarize(list[0]); got != tt.summary {
				t.Errorf("got %q, want %q", got, tt.summary)
			}
		})
	}
}

func summarize(sc *options.Scenario) string {
	var parts []string
	switch sc.Executor {
	case options.SharedIterations, options.PerVUIterations:
		parts = append(parts, "vus="+itoa(sc.VUCount()), "iterations="+itoa(sc.IterationCount()))
		if sc.Executor == options.SharedIterations && sc.VUs == nil || sc.MaxDuration != nil {
			parts = append(parts, "maxDuration="+sc.MaxDurationValue().String())
		}
	case options.ConstantVUs:
		parts = append(parts, "vus="+itoa(sc.VUCount()), "duration="+sc.Duration.String())
	case options.RampingVUs:
		parts = append(parts, "startVUs="+itoa(sc.StartVUCount()), "stages="+itoa(int64(len(sc.Stages))))
	}
	return strings.Join(parts, " ")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestScenariosAreUsedAsGivenSortedByName(t *testing.T) {
	o := decode(t, `{"scenarios": {
		"b": {"executor": "constant-vus", "duration": "1s", "exec": "other", "startTime": "2s"},
		"a": {"executor": "per-vu-iterations", "vus": 2, "iterations": 3}}}`)
	list, err := o.DeriveScenarios()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "a" || list[1].Name != "b" {
		t.Fatalf("got %+v", list)
	}
	if list[0].ExecName() != "default" || list[1].ExecName() != "other" || list[1].StartTime.String() != "2s" {
		t.Errorf("got %+v / %+v", list[0], list[1])
	}
	if list[0].GracefulStopDuration() != options.DefaultGracefulStop {
		t.Errorf("gracefulStop default: %v", list[0].GracefulStopDuration())
	}
	list[0].Name = "changed"
	if o.Scenarios["a"].Name == "changed" {
		t.Error("DeriveScenarios returned the options' own scenario")
	}
}

func TestScenarioRefusesUnknownFields(t *testing.T) {
	l, _, err := options.ParseLayer(options.SourceScript, []byte(`{"scenarios": {"s": {"executor": "constant-vus", "durration": "1s"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = options.Decode(l)
	if err == nil || err.Error() != `invalid option "scenarios": unknown field "durration"` {
		t.Fatalf("got %v", err)
	}
}
