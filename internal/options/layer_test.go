package options_test

import (
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

func layer(t *testing.T, src options.Source, raw string) options.Layer {
	t.Helper()
	l, unknown, err := options.ParseLayer(src, []byte(raw))
	if err != nil || len(unknown) > 0 {
		t.Fatalf("%s: %v %v", raw, err, unknown)
	}
	return l
}

func TestMergePrecedence(t *testing.T) {
	config := layer(t, options.SourceConfigFile, `{"vus": 4, "summaryTimeUnit": "s", "tags": {"from": "config"}}`)
	script := layer(t, options.SourceScript, `{"vus": 3, "noSetup": true, "tags": {"from": "script", "keep": "me"}}`)
	env := layer(t, options.SourceEnv, `{"vus": 5}`)
	cli := layer(t, options.SourceCLI, `{"vus": 2, "tags": {"from": "cli"}}`)
	tests := []struct {
		name    string
		layers  []options.Layer
		wantVUs int64
	}{
		{"script beats config", []options.Layer{script, config}, 3},
		{"env beats script", []options.Layer{script, env}, 5},
		{"env beats script and config", []options.Layer{config, env, script}, 5},
		{"cli beats env", []options.Layer{cli, script, env}, 2},
		{"config alone", []options.Layer{config}, 4},
		{"equal sources: the later wins", []options.Layer{script, layer(t, options.SourceScript, `{"vus": 9}`)}, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			merged, _ := options.Merge(tt.layers...)
			o, err := options.Decode(merged)
			if err != nil {
				t.Fatal(err)
			}
			if o.VUs == nil || *o.VUs != tt.wantVUs {
				t.Fatalf("vus = %v, want %d", o.VUs, tt.wantVUs)
			}
		})
	}

	// Per key: what a higher layer does not set stays; a map is replaced.
	merged, _ := options.Merge(config, script, cli)
	o, err := options.Decode(merged)
	if err != nil {
		t.Fatal(err)
	}
	if o.SummaryTimeUnit != "s" || !o.NoSetup {
		t.Errorf("lower keys lost: %+v", o)
	}
	if len(o.Tags) != 1 || o.Tags["from"] != "cli" {
		t.Errorf("tags = %v, want the cli map alone", o.Tags)
	}
	if merged.Source != options.SourceCLI {
		t.Errorf("source = %v", merged.Source)
	}
}

func TestMergeResetsTheExecutionShortcutsOfLowerLayers(t *testing.T) {
	script := layer(t, options.SourceScript, `{"vus": 3, "duration": "1m",
		"scenarios": {"s": {"executor": "per-vu-iterations"}}}`)
	tests := []struct {
		name     string
		upper    string
		keys     string // keys of the merged layer
		executor string
		warning  string
	}{
		{"iterations replace duration and scenarios", `{"iterations": 5}`, "iterations,vus", options.SharedIterations,
			`"cli" level configuration overrode scenarios configuration entirely`},
		{"duration replaces them too", `{"duration": "2s"}`, "duration,vus", options.ConstantVUs,
			`"cli" level configuration overrode scenarios configuration entirely`},
		{"stages", `{"stages": [{"duration": "1s", "target": 1}]}`, "stages,vus", options.RampingVUs,
			`"cli" level configuration overrode scenarios configuration entirely`},
		{"vus alone keeps them", `{"vus": 1}`, "duration,scenarios,vus", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			merged, warnings := options.Merge(layer(t, options.SourceCLI, tt.upper), script)
			if got := strings.Join(merged.Keys(), ","); got != tt.keys {
				t.Errorf("keys = %s, want %s", got, tt.keys)
			}
			if got := strings.Join(warnings, "|"); got != tt.warning {
				t.Errorf("warnings = %q, want %q", got, tt.warning)
			}
			if tt.executor == "" {
				return
			}
			o, err := options.Decode(merged)
			if err != nil {
				t.Fatal(err)
			}
			list, err := o.DeriveScenarios()
			if err != nil || list[0].Executor != tt.executor {
				t.Errorf("scenarios %+v, %v; want %s", list, err, tt.executor)
			}
		})
	}

	// No warning when the lower layers set none of the four.
	_, warnings := options.Merge(layer(t, options.SourceScript, `{"vus": 2}`), layer(t, options.SourceEnv, `{"iterations": 2}`))
	if len(warnings) != 0 {
		t.Errorf("warnings = %v", warnings)
	}
}

func TestLayerSetAndConsolidate(t *testing.T) {
	goLayer := options.NewLayer(options.SourceCLI)
	for k, v := range map[string]any{"vus": int64(2), "duration": options.Duration(1500 * time.Millisecond)} {
		if err := goLayer.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	script := layer(t, options.SourceScript, `{"iterations": 10, "summaryTrendStats": ["avg"]}`)
	o, warnings, err := options.Consolidate(script, goLayer)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || *o.VUs != 2 || time.Duration(*o.Duration) != 1500*time.Millisecond || o.Iterations != nil {
		t.Errorf("got %+v, warnings %v", o, warnings)
	}
	if err := goLayer.Set("bad", func() {}); err == nil {
		t.Error("Set accepted a value that is not JSON")
	}

	bad := layer(t, options.SourceScript, `{"summaryTrendStats": ["avg", "bogus"]}`)
	if _, _, err := options.Consolidate(bad); err == nil || !strings.Contains(err.Error(), `"bogus"`) {
		t.Errorf("got %v", err)
	}
	if _, _, err := options.Consolidate(layer(t, options.SourceScript, `{"duration": "x"}`)); err == nil {
		t.Error("a bad duration was accepted")
	}
}
