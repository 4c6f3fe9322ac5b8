package wstest_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// TestScenarioProgressSaysWhatK6Shows: a scenario waits for its startTime,
// then runs; once over, its elapsed time stays put; an arrival-rate one
// shows its rate.
func TestScenarioProgressSaysWhatK6Shows(t *testing.T) {
	run := wstest.Start(context.Background(), wstest.Script{Name: "test.js", Source: `
export const options = { scenarios: {
	rate: { executor: "constant-arrival-rate", rate: 5, timeUnit: "100ms", duration: "300ms", preAllocatedVUs: 1, maxVUs: 3 },
	late: { executor: "per-vu-iterations", startTime: "1s", exec: "late" },
} };
export default function () {}
export function late() {}
`})
	g := NewWithT(t)
	<-run.Ready()
	var waiting wstest.ScenarioProgress
	g.Eventually(func() bool {
		for _, sc := range run.Scenarios() {
			if sc.Name == "late" && sc.Waiting {
				waiting = sc
			}
		}
		return waiting.Waiting
	}).WithTimeout(10 * time.Second).WithPolling(time.Millisecond).Should(BeTrue())
	if waiting.StartsIn <= 0 || waiting.StartsIn > time.Second || waiting.Started {
		t.Errorf("waiting: %+v", waiting)
	}
	if _, err := run.Wait(); err != nil {
		t.Fatal(err)
	}
	first, second := run.Scenarios(), run.Scenarios()
	for i, sc := range first {
		if !sc.Finished || sc.Waiting || sc.Interrupted || sc.Elapsed != second[i].Elapsed {
			t.Errorf("%s after the run: %+v, then elapsed %v", sc.Name, sc, second[i].Elapsed)
		}
		if sc.Name == "rate" && (sc.Rate != 50 || sc.MaxRate != 50 || sc.ActivatedVUs != sc.VUs || sc.Elapsed < 300*time.Millisecond) {
			t.Errorf("rate: %+v", sc)
		}
	}
}
