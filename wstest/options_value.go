package wstest

import "encoding/json"

// optionsValue is the consolidated options as exec.test.options shows
// them: the options.Options keys, with scenarios as derived.
func (r *runner) optionsValue() any {
	out := map[string]any{}
	if r.opts == nil {
		return out
	}
	b, _ := json.Marshal(r.opts) // plain data: cannot fail
	_ = json.Unmarshal(b, &out)
	scenarios := map[string]any{}
	for _, sc := range r.scenarios {
		var m map[string]any
		b, _ := json.Marshal(sc)
		_ = json.Unmarshal(b, &m)
		scenarios[sc.Name] = m
	}
	out["scenarios"] = scenarios
	return out
}
