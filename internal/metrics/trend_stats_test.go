package metrics_test

import (
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

func TestValidateTrendStats(t *testing.T) {
	cases := []struct {
		stats []string
		err   string
	}{
		{[]string{"avg", "min", "med", "max", "count", "p(0)", "p(99.9)", "p(100)"}, ""},
		{metrics.DefaultTrendStats(), ""},
		{nil, ""},
		{[]string{"avg", "p(101)"}, `summary trend stat "p(101)" is not one of avg, min, med, max, count or p(N)`},
		{[]string{"p(NaN)"}, `summary trend stat "p(NaN)" is not one of avg, min, med, max, count or p(N)`},
		{[]string{"rate"}, `summary trend stat "rate" is not one of avg, min, med, max, count or p(N)`},
		{[]string{"bogus"}, `summary trend stat "bogus" is not one of avg, min, med, max, count or p(N)`},
		{[]string{"p95"}, `summary trend stat "p95" is not one of avg, min, med, max, count or p(N)`},
	}
	for _, c := range cases {
		err := metrics.ValidateTrendStats(c.stats)
		if c.err == "" {
			gomega.NewWithT(t).Expect(err).NotTo(gomega.HaveOccurred(), "%q", c.stats)
			continue
		}
		gomega.NewWithT(t).Expect(err).To(gomega.MatchError(c.err), "%q", c.stats)
	}
}

func TestParseStat(t *testing.T) {
	cases := []struct {
		in   string
		want metrics.Stat
		err  string
	}{
		{"count", metrics.Stat{Kind: metrics.StatCount}, ""},
		{"med", metrics.Stat{Kind: metrics.StatMed}, ""},
		{"fails", metrics.Stat{Kind: metrics.StatFails}, ""},
		{"p(95)", metrics.Stat{Kind: metrics.StatPercentile, P: 95}, ""},
		{"p(99.9)", metrics.Stat{Kind: metrics.StatPercentile, P: 99.9}, ""},
		{"p(0)", metrics.Stat{Kind: metrics.StatPercentile}, ""},
		{"p(100)", metrics.Stat{Kind: metrics.StatPercentile, P: 100}, ""},
		{"p(NaN)", metrics.Stat{}, `malformed percentile value "NaN"`},
		{"p(x)", metrics.Stat{}, `malformed percentile value "x"`},
		{"p()", metrics.Stat{}, `malformed percentile value ""`},
		{"p(101)", metrics.Stat{}, `percentile 101 out of range [0, 100]`},
		{"p(-1)", metrics.Stat{}, `percentile -1 out of range [0, 100]`},
		{"p(+Inf)", metrics.Stat{}, `percentile +Inf out of range [0, 100]`},
		{"mean", metrics.Stat{}, `unknown aggregation method "mean"`},
		{"Count", metrics.Stat{}, `unknown aggregation method "Count"`},
		{"p(95", metrics.Stat{}, `unknown aggregation method "p(95"`},
	}
	for _, c := range cases {
		got, err := metrics.ParseStat(c.in)
		g := gomega.NewWithT(t)
		if c.err != "" {
			g.Expect(err).To(gomega.MatchError(c.err), c.in)
			continue
		}
		g.Expect(err).NotTo(gomega.HaveOccurred(), c.in)
		g.Expect(got).To(gomega.Equal(c.want), c.in)
	}
}
