package executor

import (
	"testing"

	"github.com/wsk6/wstest/internal/options"
)

func TestPlannedVUsCountsWhatRunsAtOnce(t *testing.T) {
	d := func(s string) *options.Duration {
		v, err := options.ParseDuration(s)
		if err != nil {
			t.Fatal(err)
		}
		x := options.Duration(v)
		return &x
	}
	n := func(v int64) *int64 { return &v }
	constant := func(vus int64, start, duration, gracefulStop string) *options.Scenario {
		sc := &options.Scenario{Executor: options.ConstantVUs, VUs: n(vus), Duration: d(duration), GracefulStop: d(gracefulStop)}
		sc.StartTime = *d(start)
		return sc
	}
	arrival := &options.Scenario{Executor: options.ConstantArrivalRate, Rate: n(10), Duration: d("10s"),
		PreAllocatedVUs: n(2), MaxVUs: n(7)}
	tests := []struct {
		name              string
		scs               []*options.Scenario
		planned, possible int
	}{
		{"one", []*options.Scenario{constant(3, "0s", "10s", "0s")}, 3, 3},
		{"side by side", []*options.Scenario{constant(3, "0s", "10s", "0s"), constant(2, "5s", "10s", "0s")}, 5, 5},
		{"one after another", []*options.Scenario{constant(3, "0s", "10s", "0s"), constant(2, "10s", "10s", "0s")}, 3, 3},
		{"gracefulStop overlaps", []*options.Scenario{constant(3, "0s", "10s", "1s"), constant(2, "10s", "10s", "0s")}, 5, 5},
		{"arrival rate adds maxVUs", []*options.Scenario{constant(3, "0s", "5s", "0s"), arrival}, 5, 10},
	}
	for _, tt := range tests {
		if got := PlannedVUs(tt.scs); got != tt.planned {
			t.Errorf("%s: PlannedVUs %d, want %d", tt.name, got, tt.planned)
		}
		if got := MaxPossibleVUs(tt.scs); got != tt.possible {
			t.Errorf("%s: MaxPossibleVUs %d, want %d", tt.name, got, tt.possible)
		}
	}
}
