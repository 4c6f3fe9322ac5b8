package wstest_test

import (
	"context"
	"sort"
	"testing"

	"github.com/wsk6/wstest/wstest"
)

// Scenarios that run one after another share their VUs, as in k6: the
// second takes the first's VUs (same __VU, __ITER going on, its own
// iterationInScenario) and the run makes no more VUs than run at once.
func TestScenariosOneAfterAnotherShareTheirVUs(t *testing.T) {
	run := wstest.Start(context.Background(), wstest.Script{Name: "pool.js", Source: `
import exec from "k6/execution";
import { sleep } from "k6";
export const options = { scenarios: {
	first: { executor: "per-vu-iterations", vus: 2, iterations: 1, maxDuration: "500ms", gracefulStop: "0s" },
	second: { executor: "per-vu-iterations", vus: 2, iterations: 1, startTime: "500ms", maxDuration: "1s", gracefulStop: "0s",
		exec: "slow" },
} };
export default function () {
	console.log(exec.scenario.name + " vu=" + __VU + " iter=" + __ITER + " inScenario=" + exec.vu.iterationInScenario);
}
// slow keeps the run going past 1 s, when vus_max is sampled.
export function slow() {
	sleep(0.6);
	console.log(exec.scenario.name + " vu=" + __VU + " iter=" + __ITER + " inScenario=" + exec.vu.iterationInScenario);
}
`})
	<-run.Ready()
	if n := run.MaxVUs(); n != 2 {
		t.Errorf("MaxVUs %d for two scenarios of 2 VUs one after the other, want 2", n)
	}
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range res.Logs {
		lines = append(lines, l.Message)
	}
	sort.Strings(lines)
	want := []string{
		"first vu=1 iter=0 inScenario=0", "first vu=2 iter=0 inScenario=0",
		"second vu=1 iter=1 inScenario=0", "second vu=2 iter=1 inScenario=0",
	}
	if len(lines) != len(want) {
		t.Fatalf("logs %q, want %q", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("logs %q, want %q", lines, want)
		}
	}
	if m, _ := res.Metric("vus_max").Stat("max"); m != 2 {
		t.Errorf("vus_max %v, want the 2 VUs both scenarios used", m)
	}
}
