package summary

import (
	"encoding/json"

	"github.com/wsk6/wstest/internal/metrics"
)

// Export builds k6's --summary-export document: root_group with
// groups and checks as objects keyed by name, and metrics flattened to
// {count, rate} for counters, {value, min, max} for gauges,
// {passes, fails, value} for rates (value is the rate) and the trend
// stats for trends. A metric's "thresholds" maps each expression to
// true when it FAILED, as k6 does in this format.
func Export(in Input) map[string]any {
	ms := map[string]any{}
	for _, sm := range in.summaryMetrics() {
		_, vals := in.values(sm)
		entry := map[string]any{}
		for k, v := range vals {
			entry[k] = v
		}
		if sm.metric.Type == metrics.Rate {
			entry["value"] = entry["rate"]
			delete(entry, "rate")
		}
		if len(sm.thresholds) > 0 {
			th := map[string]any{}
			for _, t := range sm.thresholds {
				th[t.Source] = !t.OK
			}
			entry["thresholds"] = th
		}
		ms[sm.key] = entry
	}
	return map[string]any{
		"root_group": groupExport(in.RootGroup),
		"metrics":    ms,
	}
}

// ExportJSON is Export encoded as indented JSON, as k6
// writes the file.
func ExportJSON(in Input) ([]byte, error) {
	b, err := json.MarshalIndent(Export(in), "", "    ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func groupExport(g Group) map[string]any {
	groups := map[string]any{}
	for _, sg := range g.Groups {
		groups[sg.Name] = groupExport(sg)
	}
	checks := map[string]any{}
	for _, c := range g.Checks {
		checks[c.Name] = map[string]any{
			"name": c.Name, "path": c.Path, "id": idOr(c.ID, c.Path),
			"passes": c.Passes, "fails": c.Fails,
		}
	}
	return map[string]any{
		"name": g.Name, "path": g.Path, "id": idOr(g.ID, g.Path),
		"groups": groups, "checks": checks,
	}
}
