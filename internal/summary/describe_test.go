package summary_test

import (
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/summary"
)

func TestDescribe(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	d := func(v time.Duration) *options.Duration { o := options.Duration(v); return &o }
	st := func(dd time.Duration, target int64) options.Stage {
		return options.Stage{Duration: options.Duration(dd), Target: target}
	}
	tests := []struct {
		sc   *options.Scenario
		want string
	}{
		{&options.Scenario{Executor: options.SharedIterations, VUs: n(2), Iterations: n(10), MaxDuration: d(5 * time.Second)},
			"10 iterations shared among 2 VUs (maxDuration: 5s, gracefulStop: 30s)"},
		{&options.Scenario{Executor: options.PerVUIterations, VUs: n(2), Iterations: n(4), MaxDuration: d(5 * time.Second)},
			"4 iterations for each of 2 VUs (maxDuration: 5s, gracefulStop: 30s)"},
		{&options.Scenario{Executor: options.ConstantVUs, VUs: n(2), Duration: d(3 * time.Second), GracefulStop: d(time.Second)},
			"2 looping VUs for 3s (gracefulStop: 1s)"},
		{&options.Scenario{Executor: options.RampingVUs, StartVUs: n(0), GracefulRampDown: d(0),
			Stages: []options.Stage{st(time.Second, 3), st(2*time.Second, 0)}},
			"Up to 3 looping VUs for 3s over 2 stages (gracefulRampDown: 0s, gracefulStop: 30s)"},
		{&options.Scenario{Executor: options.ConstantArrivalRate, Rate: n(20), TimeUnit: d(100 * time.Millisecond),
			Duration: d(30 * time.Second), PreAllocatedVUs: n(5), MaxVUs: n(10)},
			"200.00 iterations/s for 30s (maxVUs: 5-10, gracefulStop: 30s)"},
		{&options.Scenario{Executor: options.ConstantArrivalRate, Rate: n(1), TimeUnit: d(3 * time.Second),
			Duration: d(time.Minute), PreAllocatedVUs: n(2), Exec: "ws", StartTime: options.Duration(10 * time.Second)},
			"0.33 iterations/s for 1m0s (maxVUs: 2, exec: ws, startTime: 10s, gracefulStop: 30s)"},
		{&options.Scenario{Executor: options.RampingArrivalRate, StartRate: n(5), PreAllocatedVUs: n(1), MaxVUs: n(50),
			Stages: []options.Stage{st(30*time.Second, 60), st(30*time.Second, 0)}, GracefulStop: d(0)},
			"Up to 60.00 iterations/s for 1m0s over 2 stages (maxVUs: 1-50, gracefulStop: 0s)"},
	}
	for _, tt := range tests {
		if got := summary.Describe(tt.sc); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.sc.Executor, got, tt.want)
		}
	}
}
