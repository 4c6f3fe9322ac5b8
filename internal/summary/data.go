package summary

import "time"

// Data builds the object handleSummary receives, ready for encoding/json
// or for conversion into a JS value.
func Data(in Input) map[string]any {
	ms := map[string]any{}
	for _, sm := range in.summaryMetrics() {
		_, vals := in.values(sm)
		v := make(map[string]any, len(vals))
		for k, x := range vals {
			v[k] = x
		}
		entry := map[string]any{
			"type":     sm.metric.Type.String(),
			"contains": sm.metric.Contains.String(),
			"values":   v,
		}
		if len(sm.thresholds) > 0 {
			th := map[string]any{}
			for _, t := range sm.thresholds {
				th[t.Source] = map[string]any{"ok": t.OK}
			}
			entry["thresholds"] = th
		}
		ms[sm.key] = entry
	}
	data := map[string]any{
		"metrics":    ms,
		"root_group": groupData(in.RootGroup),
		"options": map[string]any{
			"summaryTrendStats": append([]string(nil), in.trendStats()...),
			"summaryTimeUnit":   in.TimeUnit,
			"noColor":           in.NoColor,
		},
		"state": map[string]any{
			"isStdOutTTY":       in.IsStdOutTTY,
			"isStdErrTTY":       in.IsStdErrTTY,
			"testRunDurationMs": float64(in.Duration) / float64(time.Millisecond),
		},
	}
	if in.SetupData != nil {
		data["setup_data"] = in.SetupData
	}
	return data
}

func groupData(g Group) map[string]any {
	groups := make([]any, 0, len(g.Groups))
	for _, sg := range g.Groups {
		groups = append(groups, groupData(sg))
	}
	checks := make([]any, 0, len(g.Checks))
	for _, c := range g.Checks {
		checks = append(checks, map[string]any{
			"name": c.Name, "path": c.Path, "id": idOr(c.ID, c.Path),
			"passes": c.Passes, "fails": c.Fails,
		})
	}
	return map[string]any{
		"name": g.Name, "path": g.Path, "id": idOr(g.ID, g.Path),
		"groups": groups, "checks": checks,
	}
}

func idOr(id, path string) string {
	if id != "" {
		return id
	}
	return PathID(path)
}
