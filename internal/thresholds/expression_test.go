package thresholds_test

import (
	"math"
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

func TestParseExpression(t *testing.T) {
	pct := func(p float64) metrics.Stat { return metrics.Stat{Kind: metrics.StatPercentile, P: p} }
	stat := func(k metrics.StatKind) metrics.Stat { return metrics.Stat{Kind: k} }
	cases := []struct {
		in   string
		want thresholds.Expression
		err  string
	}{
		{in: "p(95)<500", want: thresholds.Expression{Aggregation: "p(95)", Stat: pct(95), Op: "<", Value: 500}},
		{in: " p(99.9) <= 800 ", want: thresholds.Expression{Aggregation: "p(99.9)", Stat: pct(99.9), Op: "<=", Value: 800}},
		{in: "avg>1e-3", want: thresholds.Expression{Aggregation: "avg", Stat: stat(metrics.StatAvg), Op: ">", Value: 0.001}},
		{in: "min>=0", want: thresholds.Expression{Aggregation: "min", Stat: stat(metrics.StatMin), Op: ">=", Value: 0}},
		{in: "med===5", want: thresholds.Expression{Aggregation: "med", Stat: stat(metrics.StatMed), Op: "==", Value: 5}},
		{in: "count==4", want: thresholds.Expression{Aggregation: "count", Stat: stat(metrics.StatCount), Op: "==", Value: 4}},
		{in: "max!=3", want: thresholds.Expression{Aggregation: "max", Stat: stat(metrics.StatMax), Op: "!=", Value: 3}},
		{in: "rate<-0.5", want: thresholds.Expression{Aggregation: "rate", Stat: stat(metrics.StatRate), Op: "<", Value: -0.5}},
		{in: "value>+2", want: thresholds.Expression{Aggregation: "value", Stat: stat(metrics.StatValue), Op: ">", Value: 2}},
		// "<=" is tried before "<", so "< =" is "<" with "=" on the right.
		{in: "avg< =3", err: `invalid value "=3"`},
		{in: "p(95)", err: "malformed expression"},
		{in: "p(95)<", err: "malformed expression"},
		{in: "p(95)<  ", err: "malformed expression"},
		{in: "avg=3", err: "malformed expression"},
		{in: "<3", err: "malformed expression"},
		{in: "", err: "malformed expression"},
		{in: "p(95)<200ms", err: `invalid value "200ms"`},
		{in: "avg<3 4", err: `invalid value "3 4"`},
		{in: "p(NaN)<1", err: `malformed percentile value "NaN"`},
		{in: "p(101)<3", err: "percentile 101 out of range [0, 100]"},
		{in: "p(-1)<3", err: "percentile -1 out of range [0, 100]"},
		{in: "p(x)<3", err: `malformed percentile value "x"`},
		{in: "mean<3", err: `unknown aggregation method "mean"`},
		{in: "AVG<3", err: `unknown aggregation method "AVG"`},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := thresholds.ParseExpression(c.in)
			if c.err != "" {
				g.Expect(err).To(gomega.MatchError(c.err))
				return
			}
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got).To(gomega.Equal(c.want))
		})
	}
}

func TestExpressionHolds(t *testing.T) {
	cases := []struct {
		expr string
		got  float64
		want bool
	}{
		{"avg<3", 2.9, true}, {"avg<3", 3, false},
		{"avg<=3", 3, true}, {"avg<=3", 3.1, false},
		{"avg>3", 3.1, true}, {"avg>3", 3, false},
		{"avg>=3", 3, true}, {"avg>=3", 2.9, false},
		{"avg==3", 3, true}, {"avg===3", 3, true}, {"avg==3", 3.5, false},
		{"avg!=3", 2, true}, {"avg!=3", 3, false},
		{"avg<3", math.NaN(), false}, {"avg!=3", math.NaN(), true},
	}
	for _, c := range cases {
		e, err := thresholds.ParseExpression(c.expr)
		g := gomega.NewWithT(t)
		g.Expect(err).NotTo(gomega.HaveOccurred())
		g.Expect(e.Holds(c.got)).To(gomega.Equal(c.want), "%s with %g", c.expr, c.got)
	}
}
