package wstest_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// A snapshot of a live run is a value: what it says never changes while
// the run goes on, and its count and its "count" aggregate agree.
func TestLiveSnapshotNeverChanges(t *testing.T) {
	g := NewWithT(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	run := wstest.Start(ctx, wstest.Script{Name: "test.js", Source: `
import { Counter } from "k6/metrics";
import { sleep } from "k6";
const ticks = new Counter("ticks");
export const options = { iterations: 40 };
export default function () { ticks.add(1); sleep(0.005); }
`})
	g.Eventually(func() int64 { return run.Progress().Iterations }).
		WithTimeout(20 * time.Second).WithPolling(time.Millisecond).Should(BeNumerically(">=", 3))
	snap := run.Snapshot()
	m := snap.Metric("ticks")
	count := m.Count()
	stat, ok := m.Stat("count")
	g.Expect(ok).To(BeTrue())
	g.Expect(stat).To(BeNumerically("==", count))
	samples := len(m.Samples)

	final, err := run.Wait()
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(final.Metric("ticks").Count()).To(BeEquivalentTo(40))
	g.Expect(m.Count()).To(Equal(count))
	stat2, _ := m.Stat("count")
	g.Expect(stat2).To(Equal(stat))
	g.Expect(m.Samples).To(HaveLen(samples))
}
