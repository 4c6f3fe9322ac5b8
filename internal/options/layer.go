package options

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
)

// Source is where a layer of options comes from. Sources rank as k6 ranks
// them: CLI flags (and wstest's Go options) > K6_* environment > script
// options > config file.
type Source int

// The sources of options, lowest precedence first.
const (
	SourceConfigFile Source = iota
	SourceScript
	SourceEnv
	SourceCLI
)

// String returns the level name k6 uses in its warnings.
func (s Source) String() string {
	switch s {
	case SourceConfigFile:
		return "config"
	case SourceScript:
		return "script"
	case SourceEnv:
		return "env"
	default:
		return "cli"
	}
}

// shortcutKeys are the keys that describe what runs: a layer that sets any
// of them replaces all of them from the layers below it.
func shortcutKeys() []string { return []string{"duration", "iterations", "stages", "scenarios"} }

// Layer is the options one source sets, kept as JSON values by option
// name (the names of `export const options`), so that an option a layer
// does not set stays unset and merging is per key. The zero value is an
// empty config-file layer; Set fills it.
type Layer struct {
	Source Source
	values map[string]json.RawMessage
}

// NewLayer returns an empty layer of the given source.
func NewLayer(src Source) Layer { return Layer{Source: src} }

// ParseLayer reads a JSON object of options (the value of `export const
// options`, or a config file). "null" and empty input are an empty layer.
// Keys that are not options come back sorted, for k6's warning; they are
// left out of the layer.
func ParseLayer(src Source, raw []byte) (Layer, []string, error) {
	l := NewLayer(src)
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return l, nil, nil
	}
	var values map[string]json.RawMessage
	if err := json.Unmarshal(raw, &values); err != nil {
		return l, nil, fmt.Errorf("options must be an object: %w", err)
	}
	var unknown []string
	for k := range values {
		if !Known(k) {
			unknown = append(unknown, k)
			delete(values, k)
		}
	}
	sort.Strings(unknown)
	l.values = values
	return l, unknown, nil
}

// Set sets one option to v, written as JSON (use Duration for durations).
func (l *Layer) Set(key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("option %q: %w", key, err)
	}
	if l.values == nil {
		l.values = map[string]json.RawMessage{}
	}
	l.values[key] = b
	return nil
}

// Has reports whether the layer sets key.
func (l Layer) Has(key string) bool {
	_, ok := l.values[key]
	return ok
}

// Keys returns the options the layer sets, sorted.
func (l Layer) Keys() []string {
	keys := make([]string, 0, len(l.values))
	for k := range l.values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Merge merges layers with k6's precedence, whatever their order: by Source
// (equal sources in the order given, later wins). Merging is per key, and a
// map such as tags is replaced, not merged. Exception: a layer that sets
// any of duration, iterations, stages or scenarios drops all four from the
// layers below it, and Merge returns k6's warning for it when they had set
// any. The result has the source of the highest layer.
func Merge(layers ...Layer) (Layer, []string) {
	sorted := slices.Clone(layers)
	slices.SortStableFunc(sorted, func(a, b Layer) int { return int(a.Source) - int(b.Source) })
	out := Layer{values: map[string]json.RawMessage{}}
	var warnings []string
	for _, l := range sorted {
		out.Source = l.Source
		if setsAny(l, shortcutKeys()) {
			if setsAny(out, shortcutKeys()) {
				warnings = append(warnings, fmt.Sprintf("%q level configuration overrode scenarios configuration entirely", l.Source.String()))
			}
			for _, k := range shortcutKeys() {
				delete(out.values, k)
			}
		}
		for k, v := range l.values {
			out.values[k] = v
		}
	}
	return out, warnings
}

func setsAny(l Layer, keys []string) bool {
	for _, k := range keys {
		if l.Has(k) {
			return true
		}
	}
	return false
}

// Consolidate merges the layers, decodes the result and validates it. The
// warnings are Merge's.
func Consolidate(layers ...Layer) (*Options, []string, error) {
	merged, warnings := Merge(layers...)
	opts, err := Decode(merged)
	if err != nil {
		return nil, warnings, err
	}
	if err := opts.Validate(); err != nil {
		return nil, warnings, err
	}
	return opts, warnings, nil
}
