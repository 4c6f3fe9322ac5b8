package wstest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// counts reads iterations and dropped_iterations off a result.
func counts(res *wstest.Result) (iterations, dropped int64) {
	d, _ := res.Metric("dropped_iterations").Stat("count")
	return res.Iterations, int64(d)
}

func TestConstantArrivalRateRunsTheRate(t *testing.T) {
	// 20 per 100ms for 500ms: 100 due, each of which starts or is dropped
	// (a loaded machine may drop some: no VU free when the scheduler
	// catches up).
	res := scripttest.Run(t, `
export const options = { scenarios: { open: { executor: "constant-arrival-rate",
	rate: 20, timeUnit: "100ms", duration: "500ms", preAllocatedVUs: 2, maxVUs: 10 } } };
export default function () {}
`)
	it, dropped := counts(res)
	if it+dropped != 100 {
		t.Errorf("%d iterations and %d dropped, want 100 due", it, dropped)
	}
	if it < 1 {
		t.Errorf("no iteration of an empty function on up to 10 VUs")
	}
	if len(res.Errors) != 0 {
		t.Errorf("errors: %v", res.Errors)
	}
}

func TestArrivalRateDropsWhatNoVUCanTake(t *testing.T) {
	// Each iteration holds its VU past the end; 1 VU preallocated, 2 at
	// most: two iterations start (one if the machine is too loaded to make
	// the second VU in time) and are interrupted at the hard end; every
	// other one due is dropped, tagged with its scenario. The run lasts
	// past 1 s so that vus_max is sampled.
	run := wstest.Start(context.Background(), wstest.Script{Name: "test.js", Source: `
import { sleep } from "k6";
export const options = { scenarios: { busy: { executor: "constant-arrival-rate",
	rate: 20, timeUnit: "100ms", duration: "1100ms", preAllocatedVUs: 1, maxVUs: 2, gracefulStop: "300ms" } } };
export default function () { sleep(10); }
`})
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	p := run.Progress()
	it, dropped := counts(res)
	if it != 0 || p.Interrupted < 1 || p.Interrupted > 2 {
		t.Errorf("%d complete and %d interrupted iterations, want 0 and 2", it, p.Interrupted)
	}
	if dropped+p.Interrupted > 220 || dropped < 110 || p.Dropped != dropped {
		t.Errorf("%d dropped (progress says %d), want the ~218 the 2 busy VUs could not take", dropped, p.Dropped)
	}
	if n, _ := res.Metric("dropped_iterations").Sub(map[string]string{"scenario": "busy"}).Stat("count"); int64(n) != dropped {
		t.Errorf("%v dropped with scenario=busy, want all %d", n, dropped)
	}
	scs := run.Scenarios()
	if len(scs) != 1 || scs[0].VUs < p.Interrupted || scs[0].VUs > 2 || scs[0].Progress != 1 || scs[0].Dropped != dropped {
		t.Fatalf("scenario progress %+v", scs)
	}
	if m, _ := res.Metric("vus_max").Stat("max"); m != float64(scs[0].VUs) {
		t.Errorf("vus_max %v, want the %d VUs made", m, scs[0].VUs)
	}
	var warned bool
	for _, l := range res.Logs {
		warned = warned || l.Level == "warning" && strings.Contains(l.Message, "maxVUs (2) reached")
	}
	if !warned {
		t.Errorf("no warning that maxVUs was reached: %v", messages(res))
	}
}

func TestRampingArrivalRateRunsItsStages(t *testing.T) {
	// 0 to 40 per 100ms over 200ms, 40 held 100ms, down to 0 over 100ms:
	// 40 + 40 + 20 asked for, the last on the end, so 99 due.
	res := scripttest.Run(t, `
export const options = { scenarios: { ramp: { executor: "ramping-arrival-rate", startRate: 0, timeUnit: "100ms",
	preAllocatedVUs: 2, maxVUs: 10,
	stages: [{ duration: "200ms", target: 40 }, { duration: "100ms", target: 40 }, { duration: "100ms", target: 0 }] } } };
export default function () {}
`)
	it, dropped := counts(res)
	if it+dropped != 99 {
		t.Errorf("%d iterations and %d dropped, want 99 due", it, dropped)
	}
}

func TestGracefulRampDownInterruptsARampedDownVU(t *testing.T) {
	// Two VUs, then one after 200ms: the second VU's 10s iteration gets
	// gracefulRampDown (100ms) and is interrupted, long before the end of
	// the 1s scenario and its 30s gracefulStop would let it finish.
	run := wstest.Start(context.Background(), wstest.Script{Name: "test.js", Source: `
import { sleep } from "k6";
import exec from "k6/execution";
export const options = { scenarios: { r: { executor: "ramping-vus", startVUs: 2, gracefulRampDown: "100ms",
	stages: [{ duration: "200ms", target: 2 }, { duration: "0s", target: 1 }, { duration: "800ms", target: 1 }] } } };
export default function () { sleep(exec.vu.idInTest === 1 ? 0.01 : 10); }
`})
	res, err := run.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if p := run.Progress(); p.Interrupted != 1 {
		t.Errorf("%d interrupted iterations, want the ramped-down VU's", p.Interrupted)
	}
	if res.Iterations < 1 {
		t.Errorf("no complete iteration, want VU 1 to loop for 1s")
	}
	if res.Duration > 8*time.Second {
		t.Errorf("the run took %v: the ramped-down iteration ran on", res.Duration)
	}
}
