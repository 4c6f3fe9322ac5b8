package wstest

import (
	"strconv"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/summary"
)

// FormatStat renders the aggregate stat (a name as for Stat) as k6's
// summary does: rounded, with the metric's unit. Durations for a time
// metric (441.12µs), sizes for a data metric (1.2 kB), a percentage for a
// rate's rate (50.00%), per second for a counter's rate, whole numbers for
// counts. It is "" when the metric has no such stat.
func (m *Metric) FormatStat(stat string) string {
	v, ok := m.Stat(stat)
	if !ok {
		return ""
	}
	return m.formatValue(stat, v)
}

// formatValue renders v, a value of stat.
func (m *Metric) formatValue(stat string, v float64) string {
	vt := valueType(m.Contains)
	switch {
	case stat == "passes" || stat == "fails" || (stat == "count" && m.Type != "counter"):
		return strconv.FormatFloat(v, 'f', -1, 64)
	case stat == "rate" && m.Type == "rate":
		return summary.FormatRate(v)
	case stat == "rate":
		return summary.FormatValue(v, vt, "") + "/s"
	}
	return summary.FormatValue(v, vt, "")
}

// valueType reads back a Contains name.
func valueType(name string) metrics.ValueType {
	switch name {
	case metrics.Time.String():
		return metrics.Time
	case metrics.Data.String():
		return metrics.Data
	}
	return metrics.Default
}
