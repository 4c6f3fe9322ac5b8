package summary

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

// Summary modes of --summary-mode.
const (
	Compact  = "compact"
	Full     = "full"
	Disabled = "disabled"
)

// areas returns the TOTAL RESULTS sections in the order they are shown.
func areas() []string { return []string{"CUSTOM", "HTTP", "EXECUTION", "NETWORK", "WEBSOCKET"} }

// areaOf returns the TOTAL RESULTS section of a metric name.
func areaOf(name string) string {
	switch {
	case strings.HasPrefix(name, "ws_"):
		return "WEBSOCKET"
	case strings.HasPrefix(name, "http_"):
		return "HTTP"
	}
	switch name {
	case "data_sent", "data_received":
		return "NETWORK"
	case "iterations", "iteration_duration", "vus", "vus_max", "dropped_iterations", "group_duration":
		return "EXECUTION"
	}
	return "CUSTOM"
}

// Text renders the end-of-test summary in k6's text format for
// mode "compact" (also ""), "full" or "disabled" (empty text). No colours.
//
// Layout: a THRESHOLDS block (when there are thresholds), then TOTAL
// RESULTS: checks_total/succeeded/failed with a ✓/✗ line per check, then
// one section per area (CUSTOM, HTTP, EXECUTION, NETWORK, WEBSOCKET) with
// a dotted line per metric and, indented, its submetrics with thresholds.
// Names are dotted to the longest name plus three; value columns are
// padded to the widest entry of their column (checks lines have their own
// widths). Full mode adds a block per group and per scenario computed
// from the kept samples.
func Text(in Input, mode string) (string, error) {
	switch mode {
	case Disabled:
		return "", nil
	case "", Compact, Full:
	default:
		return "", fmt.Errorf("invalid summary mode %q: use compact, full or disabled", mode)
	}
	var b strings.Builder
	b.WriteString("\n\n") // k6's frame: two blank lines, titles end with a space
	writeThresholds(&b, in)

	all := in.summaryMetrics()
	if mode != Full {
		all = compactHTTP(all)
	}
	checks := in.RootGroup.Checks
	if mode != Full {
		checks = flattenChecks(in.RootGroup)
	}
	b.WriteString("  █ TOTAL RESULTS \n\n")
	writeResults(&b, in, all, checks, "    ")
	b.WriteString("\n")

	if mode == Full {
		writeGroups(&b, in, in.RootGroup.Groups)
		writeScenarios(&b, in)
	}
	b.WriteString("\n")
	return b.String(), nil
}

func flattenChecks(g Group) []Check {
	out := append([]Check(nil), g.Checks...)
	for _, sg := range g.Groups {
		out = append(out, flattenChecks(sg)...)
	}
	return out
}

func writeGroups(b *strings.Builder, in Input, groups []Group) {
	for _, g := range groups {
		fmt.Fprintf(b, "  █ GROUP [%s]\n\n", g.Name)
		writeResults(b, in, in.filtered(map[string]string{"group": g.Path}), g.Checks, "    ")
		b.WriteString("\n")
		writeGroups(b, in, g.Groups)
	}
}

func writeScenarios(b *strings.Builder, in Input) {
	names := map[string]bool{}
	for _, m := range in.Registry.All() {
		m.TagValues("scenario", names)
	}
	for _, s := range slices.Sorted(maps.Keys(names)) {
		fmt.Fprintf(b, "  █ SCENARIO [%s]\n\n", s)
		writeResults(b, in, in.filtered(map[string]string{"scenario": s}), nil, "    ")
		b.WriteString("\n")
	}
}

// filtered lists every metric restricted to the kept samples matching sel.
func (in *Input) filtered(sel map[string]string) []summaryMetric {
	var out []summaryMetric
	for _, m := range in.Registry.All() {
		v := m.View(sel)
		if v.Count() == 0 {
			continue
		}
		out = append(out, summaryMetric{key: m.Name, metric: m, agg: v})
	}
	return out
}

func writeThresholds(b *strings.Builder, in Input) {
	if len(in.Thresholds) == 0 {
		return
	}
	b.WriteString("  █ THRESHOLDS \n\n")
	var order []string
	byKey := map[string][]thresholds.Result{}
	for _, t := range in.Thresholds {
		if _, ok := byKey[t.Key]; !ok {
			order = append(order, t.Key)
		}
		byKey[t.Key] = append(byKey[t.Key], t)
	}
	for _, k := range order {
		b.WriteString("    " + k + "\n")
		for _, t := range byKey[k] {
			mark := "✓"
			if !t.OK {
				mark = "✗"
			}
			line := "    " + mark + " '" + t.Source + "'"
			if t.HasValue {
				line += " " + t.Aggregation + "=" + in.ThresholdValue(t)
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// ThresholdValue formats the value a threshold compared, as the summary
// shows it after the aggregation's name: 441.12µs, 50.00%, 3.2/s.
func (in *Input) ThresholdValue(t thresholds.Result) string {
	m := in.Registry.Get(t.Selector.Metric)
	if m == nil {
		return formatPlain(t.Value)
	}
	switch m.Type {
	case metrics.Rate:
		return formatRateValue(t.Value)
	case metrics.Counter:
		if t.Aggregation == "rate" {
			return FormatValue(t.Value, m.Contains, in.TimeUnit) + "/s"
		}
	}
	return FormatValue(t.Value, m.Contains, in.TimeUnit)
}

// row is one dotted metric line before alignment.
type row struct {
	name  string
	trend bool
	parts []string
}

func (in *Input) counterParts(count, rate float64, vt metrics.ValueType) []string {
	return []string{FormatValue(count, vt, in.TimeUnit), FormatValue(rate, vt, in.TimeUnit) + "/s"}
}

// rowOf renders the value parts of one metric.
func (in *Input) rowOf(sm summaryMetric) row {
	r := row{name: sm.key}
	if sm.tags != nil {
		r.name = "  { " + metrics.SelectorString(sm.tags) + " }"
	}
	vt := sm.metric.Contains
	keys, vals := in.values(sm)
	switch sm.metric.Type {
	case metrics.Counter:
		r.parts = in.counterParts(vals["count"], vals["rate"], vt)
	case metrics.Gauge:
		r.parts = []string{FormatValue(vals["value"], vt, in.TimeUnit),
			"min=" + FormatValue(vals["min"], vt, in.TimeUnit),
			"max=" + FormatValue(vals["max"], vt, in.TimeUnit)}
	case metrics.Rate:
		trues, total := sm.agg.RateCounts()
		r.parts = []string{FormatPercent(trues, total), strconv.Itoa(trues) + " out of " + strconv.Itoa(total)}
	default:
		r.trend = true
		for _, k := range keys {
			v := vals[k]
			if k == "count" {
				r.parts = append(r.parts, k+"="+formatPlain(v))
				continue
			}
			r.parts = append(r.parts, k+"="+FormatValue(v, vt, in.TimeUnit))
		}
	}
	return r
}

// writeResults writes the checks and the area sections of one block.
func writeResults(b *strings.Builder, in Input, list []summaryMetric, checks []Check, indent string) {
	var checkRows []row
	sections := map[string][]row{}
	for _, sm := range list {
		if sm.key == "checks" {
			trues, total := sm.agg.RateCounts()
			rate := 0.0
			if in.Duration > 0 {
				rate = float64(total) / in.Duration.Seconds()
			}
			checkRows = []row{
				{name: "checks_total", parts: in.counterParts(float64(total), rate, metrics.Default)},
				{name: "checks_succeeded", parts: []string{FormatPercent(trues, total),
					strconv.Itoa(trues) + " out of " + strconv.Itoa(total)}},
				{name: "checks_failed", parts: []string{FormatPercent(total-trues, total),
					strconv.Itoa(total-trues) + " out of " + strconv.Itoa(total)}},
			}
			continue
		}
		if strings.HasPrefix(sm.key, "checks{") {
			continue
		}
		a := areaOf(sm.metric.Name)
		sections[a] = append(sections[a], in.rowOf(sm))
	}

	nameW := 0
	var other []row
	for _, a := range areas() {
		other = append(other, sections[a]...)
	}
	for _, r := range append(append([]row(nil), checkRows...), other...) {
		nameW = max(nameW, utf8.RuneCountInString(r.name))
	}
	nameW += 3

	if len(checkRows) > 0 {
		// The checks block is padded to its own widest name, as k6 does.
		checksW := 0
		for _, r := range checkRows {
			checksW = max(checksW, utf8.RuneCountInString(r.name))
		}
		w := columnWidths(checkRows)
		for _, r := range checkRows {
			writeRow(b, indent, r, checksW+3, w)
		}
		b.WriteString("\n")
	}
	if len(checks) > 0 {
		for _, c := range checks {
			if c.Fails == 0 {
				b.WriteString(indent + "✓ " + c.Name + "\n")
				continue
			}
			b.WriteString(indent + "✗ " + c.Name + "\n")
			pct := 0
			if c.Passes+c.Fails > 0 {
				pct = c.Passes * 100 / (c.Passes + c.Fails)
			}
			fmt.Fprintf(b, "%s  ↳  %d%% — ✓ %d / ✗ %d\n", indent, pct, c.Passes, c.Fails)
		}
		b.WriteString("\n")
	}
	w := columnWidths(other)
	for _, a := range areas() {
		rows := sections[a]
		if len(rows) == 0 {
			continue
		}
		b.WriteString(indent + a + "\n")
		for _, r := range rows {
			writeRow(b, indent, r, nameW, w)
		}
		b.WriteString("\n")
	}
}

// widths holds column widths: trend columns, and non-trend value/extras.
type widths struct {
	trend []int
	plain []int
}

func columnWidths(rows []row) widths {
	var w widths
	for _, r := range rows {
		cols := &w.plain
		if r.trend {
			cols = &w.trend
		}
		for i, p := range r.parts {
			if i >= len(*cols) {
				*cols = append(*cols, 0)
			}
			(*cols)[i] = max((*cols)[i], utf8.RuneCountInString(p))
		}
	}
	return w
}

func writeRow(b *strings.Builder, indent string, r row, nameW int, w widths) {
	cols := w.plain
	if r.trend {
		cols = w.trend
	}
	b.WriteString(indent + r.name + strings.Repeat(".", nameW-utf8.RuneCountInString(r.name)) + ": ")
	for i, p := range r.parts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		if i < len(r.parts)-1 {
			b.WriteString(strings.Repeat(" ", cols[i]-utf8.RuneCountInString(p)))
		}
	}
	b.WriteString("\n")
}

// compactHTTP drops the request phase trends that k6's compact summary
// does not show (unless a threshold names them).
func compactHTTP(all []summaryMetric) []summaryMetric {
	out := all[:0:0]
	for _, sm := range all {
		switch sm.metric.Name {
		case "http_req_blocked", "http_req_connecting", "http_req_receiving", "http_req_sending",
			"http_req_tls_handshaking", "http_req_waiting":
			if len(sm.thresholds) == 0 {
				continue
			}
		}
		out = append(out, sm)
	}
	return out
}
