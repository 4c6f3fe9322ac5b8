package metrics_test

import (
	"math"
	"sync"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func addAll(m *metrics.Metric, tags *metrics.TagSet, vals ...float64) {
	for i, v := range vals {
		m.Add(t0.Add(time.Duration(i)*time.Millisecond), v, tags)
	}
}

func TestAggregates(t *testing.T) {
	type want map[string]float64
	cases := []struct {
		name    string
		typ     metrics.Type
		vals    []float64
		d       time.Duration
		want    want
		missing []string
	}{
		{"counter", metrics.Counter, []float64{1, 2, 3.5}, 2 * time.Second,
			want{"count": 6.5, "rate": 3.25}, []string{"avg", "value", "p(95)"}},
		{"counter zero duration", metrics.Counter, []float64{4}, 0,
			want{"count": 4}, []string{"rate"}},
		{"counter empty", metrics.Counter, nil, time.Second,
			want{"count": 0, "rate": 0}, nil},
		{"gauge", metrics.Gauge, []float64{5, 1, 9, 3}, time.Second,
			want{"value": 3, "min": 1, "max": 9}, []string{"count", "rate"}},
		{"rate", metrics.Rate, []float64{1, 0, 1, 1, 0.5, 0, 0, 0}, time.Second,
			want{"rate": 0.5, "passes": 4, "fails": 4}, []string{"count"}},
		{"rate empty", metrics.Rate, nil, time.Second,
			want{"passes": 0, "fails": 0}, []string{"rate"}},
		// Sorted: 1 2 3 4 5 6 7 8 9 10. i = p*(n-1) = p*9.
		// med: i=4.5 -> 5 + 0.5*(6-5) = 5.5; p(90): i=8.1 -> 9 + 0.1*1 = 9.1;
		// p(95): i=8.55 -> 9.55; p(25): i=2.25 -> 3.25; p(0)=1; p(100)=10.
		{"trend 1..10 shuffled", metrics.Trend, []float64{7, 3, 10, 1, 9, 2, 8, 5, 4, 6}, time.Second,
			want{"avg": 5.5, "min": 1, "max": 10, "med": 5.5, "p(90)": 9.1, "p(95)": 9.55,
				"p(25)": 3.25, "p(0)": 1, "p(100)": 10, "count": 10}, []string{"rate", "value"}},
		// Sorted: 10 20 40 80. med: i=1.5 -> 30; p(99.9): i=2.997 -> 40 + 0.997*40 = 79.88.
		{"trend uneven", metrics.Trend, []float64{80, 10, 40, 20}, time.Second,
			want{"avg": 37.5, "med": 30, "p(99.9)": 79.88, "p(50)": 30, "p(10)": 13}, nil},
		{"trend one", metrics.Trend, []float64{42}, time.Second,
			want{"avg": 42, "min": 42, "max": 42, "med": 42, "p(95)": 42, "count": 1}, nil},
		{"trend empty", metrics.Trend, nil, time.Second,
			want{"avg": 0, "min": 0, "max": 0, "med": 0, "p(95)": 0, "count": 0}, nil},
		{"trend duplicates", metrics.Trend, []float64{2, 2, 2, 8}, time.Second,
			want{"med": 2, "p(75)": 3.5, "max": 8}, nil},
	}
	for _, keep := range []bool{true, false} {
		for _, c := range cases {
			name := c.name
			if !keep {
				name += " not kept"
			}
			t.Run(name, func(t *testing.T) {
				g := gomega.NewWithT(t)
				r := metrics.NewRegistry()
				r.SetKeepSamples(keep)
				m := r.MustRegister("m_"+c.typ.String(), c.typ, metrics.Default)
				addAll(m, r.EmptyTags(), c.vals...)
				g.Expect(m.Count()).To(gomega.Equal(len(c.vals)))
				for stat, w := range c.want {
					got, ok := m.Stat(stat, c.d)
					g.Expect(ok).To(gomega.BeTrue(), stat)
					g.Expect(got).To(gomega.BeNumerically("~", w, 1e-9), stat)
				}
				for _, stat := range c.missing {
					_, ok := m.Stat(stat, c.d)
					g.Expect(ok).To(gomega.BeFalse(), stat)
				}
			})
		}
	}
}

func TestTrendPercentilesAfterMoreSamples(t *testing.T) {
	g := gomega.NewWithT(t)
	for _, keep := range []bool{true, false} {
		r := metrics.NewRegistry()
		r.SetKeepSamples(keep)
		m := r.MustRegister("lat", metrics.Trend, metrics.Time)
		addAll(m, nil, 5, 1, 3)
		g.Expect(mustStat(t, m, "med", 0)).To(gomega.Equal(3.0))
		addAll(m, nil, 4, 2, 100) // merged into the sorted values
		g.Expect(mustStat(t, m, "med", 0)).To(gomega.Equal(3.5))
		g.Expect(mustStat(t, m, "p(80)", 0)).To(gomega.Equal(5.0))
		g.Expect(mustStat(t, m, "max", 0)).To(gomega.Equal(100.0))
	}
}

func TestKeepSamplesSwitchedOffMidway(t *testing.T) {
	g := gomega.NewWithT(t)
	r := metrics.NewRegistry()
	m := r.MustRegister("lat", metrics.Trend, metrics.Time)
	addAll(m, nil, 10, 30)
	g.Expect(mustStat(t, m, "med", 0)).To(gomega.Equal(20.0))
	addAll(m, nil, 50)
	r.SetKeepSamples(false)
	addAll(m, nil, 20, 40)
	g.Expect(m.Count()).To(gomega.Equal(5))
	g.Expect(m.Samples()).To(gomega.HaveLen(3))
	g.Expect(mustStat(t, m, "med", 0)).To(gomega.Equal(30.0))
	g.Expect(mustStat(t, m, "p(25)", 0)).To(gomega.Equal(20.0))
	r.SetKeepSamples(true)
	addAll(m, nil, 60)
	g.Expect(m.Samples()).To(gomega.HaveLen(4))
	g.Expect(mustStat(t, m, "max", 0)).To(gomega.Equal(60.0))
	g.Expect(mustStat(t, m, "med", 0)).To(gomega.Equal(35.0))
}

func TestSamplesCopy(t *testing.T) {
	g := gomega.NewWithT(t)
	r := metrics.NewRegistry()
	m := r.MustRegister("ws_msgs_sent", metrics.Counter, metrics.Default)
	a := r.EmptyTags().With("url", "ws://a")
	b := r.EmptyTags().With("url", "ws://b")
	for i := range 100 { // crosses chunk boundaries
		tags := a
		if i%3 == 0 {
			tags = b
		}
		m.Add(t0.Add(time.Duration(i)*time.Second), float64(i), tags)
	}
	s := m.Samples()
	g.Expect(s).To(gomega.HaveLen(100))
	for i, smp := range s {
		g.Expect(smp.Value).To(gomega.Equal(float64(i)))
		g.Expect(smp.Time.Equal(t0.Add(time.Duration(i) * time.Second))).To(gomega.BeTrue())
		if i%3 == 0 {
			g.Expect(smp.Tags).To(gomega.BeIdenticalTo(b))
		} else {
			g.Expect(smp.Tags).To(gomega.BeIdenticalTo(a))
		}
	}
	r.SetKeepSamples(false)
	m2 := r.MustRegister("other", metrics.Counter, metrics.Default)
	m2.Add(t0, 1, nil)
	g.Expect(m2.Samples()).To(gomega.BeNil())
	g.Expect(m2.Count()).To(gomega.Equal(1))
}

func TestSubMetric(t *testing.T) {
	for _, keep := range []bool{true, false} {
		t.Run(map[bool]string{true: "kept", false: "not kept"}[keep], func(t *testing.T) {
			g := gomega.NewWithT(t)
			r := metrics.NewRegistry()
			r.SetKeepSamples(keep)
			m := r.MustRegister("ws_connecting", metrics.Trend, metrics.Time)
			a := r.EmptyTags().With("url", "ws://a").With("status", "101")
			b := r.EmptyTags().With("url", "ws://b").With("status", "101")
			c := r.EmptyTags().With("url", "ws://a").With("status", "404")
			live := m.Sub(map[string]string{"url": "ws://a"}) // before any sample
			addAll(m, a, 10, 20)
			addAll(m, b, 100)
			addAll(m, c, 30)
			late := m.Sub(map[string]string{"status": "101"})
			g.Expect(m.Sub(map[string]string{"url": "ws://a"})).To(gomega.BeIdenticalTo(live))
			g.Expect(live.Name).To(gomega.Equal("ws_connecting{url:ws://a}"))
			g.Expect(live.Count()).To(gomega.Equal(3))
			g.Expect(mustStat(t, live, "avg", 0)).To(gomega.Equal(20.0))
			g.Expect(mustStat(t, live, "max", 0)).To(gomega.Equal(30.0))
			g.Expect(mustStat(t, live, "med", 0)).To(gomega.Equal(20.0))
			if keep { // back-filled from the kept samples
				g.Expect(late.Count()).To(gomega.Equal(3))
				g.Expect(mustStat(t, late, "p(50)", 0)).To(gomega.Equal(20.0))
			} else {
				g.Expect(late.Count()).To(gomega.Equal(0))
			}
			addAll(m, b, 200)
			g.Expect(live.Count()).To(gomega.Equal(3))
			_, ok := live.Stat("bogus", 0)
			g.Expect(ok).To(gomega.BeFalse())
		})
	}
}

func TestConcurrentAdd(t *testing.T) {
	g := gomega.NewWithT(t)
	r := metrics.NewRegistry()
	c := r.MustRegister("nn", metrics.Counter, metrics.Default)
	tr := r.MustRegister("lat", metrics.Trend, metrics.Time)
	sub := tr.Sub(map[string]string{"vu": "1"})
	const workers, each = 8, 1000
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tags := r.EmptyTags().With("vu", string(rune('0'+w)))
			for i := range each {
				c.Add(time.Now(), 1, tags)
				tr.Add(time.Now(), float64(i), tags)
			}
		}()
	}
	wg.Wait()
	g.Expect(mustStat(t, c, "count", 0)).To(gomega.Equal(float64(workers * each)))
	g.Expect(tr.Count()).To(gomega.Equal(workers * each))
	g.Expect(sub.Count()).To(gomega.Equal(each))
	g.Expect(mustStat(t, tr, "avg", 0)).To(gomega.Equal(float64(each-1) / 2))
	g.Expect(c.Samples()).To(gomega.HaveLen(workers * each))
}

func TestRegister(t *testing.T) {
	cases := []struct {
		name, metric string
		typ          metrics.Type
		vt           metrics.ValueType
		err          string
	}{
		{"valid", "my_trend", metrics.Trend, metrics.Default, ""},
		{"same again", "my_trend", metrics.Trend, metrics.Default, ""},
		{"other type", "my_trend", metrics.Counter, metrics.Default,
			"metric 'my_trend' already exists but with type trend, instead of counter"},
		{"other value type", "my_trend", metrics.Trend, metrics.Time,
			"metric 'my_trend' already exists but with a value type default, instead of time"},
		{"one char", "a", metrics.Counter, metrics.Default,
			"Invalid metric name: 'a'. Metric names must only include up to 128 ASCII letters, numbers, or underscores and start with a letter or an underscore."},
		{"leading digit", "1abc", metrics.Counter, metrics.Default,
			"Invalid metric name: '1abc'. Metric names must only include up to 128 ASCII letters, numbers, or underscores and start with a letter or an underscore."},
		{"dash", "my-metric", metrics.Counter, metrics.Default,
			"Invalid metric name: 'my-metric'. Metric names must only include up to 128 ASCII letters, numbers, or underscores and start with a letter or an underscore."},
		{"two chars", "_a", metrics.Counter, metrics.Default, ""},
	}
	r := metrics.NewRegistry()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			m, err := r.Register(c.metric, c.typ, c.vt)
			if c.err != "" {
				g.Expect(err).To(gomega.MatchError(c.err))
				return
			}
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(r.Get(c.metric)).To(gomega.BeIdenticalTo(m))
		})
	}
	g := gomega.NewWithT(t)
	long := "a"
	for len(long) < 129 {
		long += "b"
	}
	g.Expect(metrics.ValidName(long)).To(gomega.BeTrue())
	g.Expect(metrics.ValidName(long + "c")).To(gomega.BeFalse())
	g.Expect(r.Get("nope")).To(gomega.BeNil())
	names := []string{}
	for _, m := range r.All() {
		names = append(names, m.Name)
	}
	g.Expect(names).To(gomega.Equal([]string{"_a", "my_trend"}))
	_ = math.NaN
}

type statter interface {
	Stat(name string, d time.Duration) (float64, bool)
}

// mustStat returns a stat that must exist.
func mustStat(t *testing.T, s statter, name string, d time.Duration) float64 {
	t.Helper()
	v, ok := s.Stat(name, d)
	if !ok {
		t.Fatalf("stat %s has no value", name)
	}
	return v
}
