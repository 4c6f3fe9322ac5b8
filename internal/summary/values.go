package summary

import (
	"time"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

// aggregator is a metric or submetric.
type aggregator interface {
	Aggregate(n metrics.Stat, d time.Duration) (float64, bool)
	RateCounts() (trues, total int)
}

// summaryMetric is one metric or submetric shown in the outputs.
type summaryMetric struct {
	key        string // metric name, or threshold key for submetrics
	metric     *metrics.Metric
	agg        aggregator
	tags       map[string]string // a threshold's submetric: its selector; else nil
	thresholds []thresholds.Result
}

// summaryMetrics lists the metrics that have samples or thresholds, each
// followed by its submetrics that have thresholds.
func (in *Input) summaryMetrics() []summaryMetric {
	byKey := map[string][]thresholds.Result{}
	subKeys := map[string][]string{} // metric -> submetric keys in order
	for _, t := range in.Thresholds {
		if _, seen := byKey[t.Key]; !seen && t.Selector.Tags != nil {
			subKeys[t.Selector.Metric] = append(subKeys[t.Selector.Metric], t.Key)
		}
		byKey[t.Key] = append(byKey[t.Key], t)
	}
	var out []summaryMetric
	for _, m := range in.Registry.All() {
		_, has := byKey[m.Name]
		if m.Count() == 0 && !has && len(subKeys[m.Name]) == 0 {
			continue
		}
		out = append(out, summaryMetric{key: m.Name, metric: m, agg: m, thresholds: byKey[m.Name]})
		if m.Name == "http_req_duration" && m.Count() > 0 {
			// k6 tracks this submetric whenever requests carry the tag.
			tags := map[string]string{"expected_response": "true"}
			key := "http_req_duration{expected_response:true}"
			if _, named := byKey[key]; !named {
				if sub := m.Sub(tags); sub.Count() > 0 {
					out = append(out, summaryMetric{key: key, metric: m, agg: sub, tags: tags})
				}
			}
		}
		for _, k := range subKeys[m.Name] {
			res := byKey[k]
			tags := res[0].Selector.Tags
			out = append(out, summaryMetric{key: k, metric: m, agg: m.Sub(tags), tags: tags, thresholds: res})
		}
	}
	return out
}

// values computes k6's summary values of a metric: count and rate for
// counters, value/min/max for gauges, rate/passes/fails for rates, the
// trend stats for trends.
func (in *Input) values(sm summaryMetric) (keys []string, vals map[string]float64) {
	get := func(name string) float64 {
		n, err := metrics.ParseStat(name)
		if err != nil {
			return 0
		}
		v, _ := sm.agg.Aggregate(n, in.Duration)
		return v
	}
	switch sm.metric.Type {
	case metrics.Counter:
		keys = []string{"count", "rate"}
	case metrics.Gauge:
		keys = []string{"value", "min", "max"}
	case metrics.Rate:
		keys = []string{"rate", "passes", "fails"}
	default:
		keys = in.trendStats()
	}
	vals = make(map[string]float64, len(keys))
	for _, k := range keys {
		vals[k] = get(k)
	}
	return keys, vals
}
