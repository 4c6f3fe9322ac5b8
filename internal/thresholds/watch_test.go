package thresholds_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/thresholds"
)

func TestWatchAbortsOnce(t *testing.T) {
	r, b := newThresholdRegistry()
	ts, err := thresholds.Parse(r, decode(t, `{
		"checks": [{"threshold":"rate>0.9","abortOnFail":true,"delayAbortEval":"30ms"}],
		"vus": [{"threshold":"value<1","abortOnFail":true,"delayAbortEval":"1h"}]
	}`))
	g := gomega.NewWithT(t)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	b.Checks.Add(t0, 0, nil)
	b.VUs.Add(t0, 5, nil)

	start := time.Now()
	aborted := make(chan thresholds.Result, 2)
	stop := ts.Watch(time.Millisecond, func() time.Duration { return time.Since(start) }, func(r thresholds.Result) {
		aborted <- r
	})
	defer stop()
	var got thresholds.Result
	g.Eventually(aborted).Should(gomega.Receive(&got))
	g.Expect(time.Since(start)).To(gomega.BeNumerically(">=", 30*time.Millisecond))
	g.Expect(got.Key).To(gomega.Equal("checks"))
	g.Expect(got.Aborts).To(gomega.BeTrue())
	g.Consistently(aborted, 20*time.Millisecond).ShouldNot(gomega.Receive())
	stop()
	stop() // a second stop is harmless
}

func TestWatchStopsWithoutAbort(t *testing.T) {
	r, b := newThresholdRegistry()
	ts, err := thresholds.Parse(r, decode(t, `{
		"checks": [{"threshold":"rate>0.9","abortOnFail":true}],
		"vus": ["value<1"]
	}`))
	g := gomega.NewWithT(t)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	b.Checks.Add(t0, 1, nil)
	b.VUs.Add(t0, 5, nil) // fails, but without abortOnFail

	var evaluations atomic.Int32
	var aborts atomic.Int32
	stop := ts.Watch(time.Millisecond, func() time.Duration {
		evaluations.Add(1)
		return time.Second
	}, func(thresholds.Result) { aborts.Add(1) })
	g.Eventually(evaluations.Load).Should(gomega.BeNumerically(">=", 3))
	stop()
	n := evaluations.Load()
	time.Sleep(5 * time.Millisecond)
	g.Expect(evaluations.Load()).To(gomega.Equal(n), "no evaluation after stop returned")
	g.Expect(aborts.Load()).To(gomega.BeZero())
}

func TestWatchEmptySet(t *testing.T) {
	r, _ := newThresholdRegistry()
	ts, err := thresholds.Parse(r, nil)
	gomega.NewWithT(t).Expect(err).NotTo(gomega.HaveOccurred())
	stop := ts.Watch(time.Millisecond, func() time.Duration { return 0 }, func(thresholds.Result) {
		t.Error("abort called")
	})
	time.Sleep(3 * time.Millisecond)
	stop()
}
