package executor_test

import (
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

func constantRate(rate int64, unit, d time.Duration) *options.Scenario {
	return &options.Scenario{Name: "c", Executor: options.ConstantArrivalRate, Rate: i64(rate),
		TimeUnit: dur(unit), Duration: dur(d), PreAllocatedVUs: i64(2), MaxVUs: i64(5)}
}

func rampingRate(start int64, unit time.Duration, st ...options.Stage) *options.Scenario {
	return &options.Scenario{Name: "r", Executor: options.RampingArrivalRate, StartRate: i64(start),
		TimeUnit: dur(unit), Stages: st, PreAllocatedVUs: i64(1)}
}

func TestArrival(t *testing.T) {
	tests := []struct {
		name string
		sc   *options.Scenario
		i    int64
		want time.Duration
		ok   bool
	}{
		// constant: every timeUnit/rate from the start, none at the end.
		{"constant first at the start", constantRate(20, 100*ms, 500*ms), 0, 0, true},
		{"constant second", constantRate(20, 100*ms, 500*ms), 1, 5 * ms, true},
		{"constant last", constantRate(20, 100*ms, 500*ms), 99, 495 * ms, true},
		{"constant none at the soft end", constantRate(20, 100*ms, 500*ms), 100, 0, false},
		{"constant with the default timeUnit", &options.Scenario{Executor: options.ConstantArrivalRate,
			Rate: i64(3), Duration: dur(time.Second)}, 2, 666_666_667, true},
		{"constant slower than its unit", constantRate(1, time.Second, 3500*ms), 3, 3 * time.Second, true},
		// ramping at a steady rate: the first one rate period in.
		{"ramping steady first", rampingRate(10, 100*ms, stage(100*ms, 10)), 0, 10 * ms, true},
		{"ramping steady", rampingRate(10, 100*ms, stage(100*ms, 10)), 4, 50 * ms, true},
		{"ramping steady, the 10th would be at the end", rampingRate(10, 100*ms, stage(100*ms, 10)), 9, 0, false},
		// ramping up from 0 to 20 per 100ms over 100ms: the count so far is
		// t²/1000 (t in ms), so iteration i is due at sqrt(1000(i+1)) ms.
		{"ramping up first", rampingRate(0, 100*ms, stage(100*ms, 20)), 0, 31_622_777, true},
		{"ramping up fourth", rampingRate(0, 100*ms, stage(100*ms, 20)), 3, 63_245_553, true},
		{"ramping up ninth", rampingRate(0, 100*ms, stage(100*ms, 20)), 8, 94_868_330, true},
		{"ramping up tenth is the end", rampingRate(0, 100*ms, stage(100*ms, 20)), 9, 0, false},
		// down from 20 to 0 over 100ms: 10 in all, the count at t is
		// 0.2t - t²/1000, so the first (count 1) at 100-sqrt(9000) ms.
		{"ramping down first", rampingRate(20, 100*ms, stage(100*ms, 0)), 0, 5_131_670, true},
		{"ramping down ninth", rampingRate(20, 100*ms, stage(100*ms, 0)), 8, 68_377_223, true},
		// stages chain: 10 in the first 100ms (the 10th at its end), then
		// 10 per 100ms held.
		{"across stages", rampingRate(10, 100*ms, stage(100*ms, 10), stage(100*ms, 10)), 9, 100 * ms, true},
		{"across stages, second", rampingRate(10, 100*ms, stage(100*ms, 10), stage(100*ms, 10)), 10, 110 * ms, true},
		{"zero rate, then up", rampingRate(0, 100*ms, stage(100*ms, 0), stage(0, 10), stage(100*ms, 10)), 0, 110 * ms, true},
		{"zero rate throughout", rampingRate(0, 100*ms, stage(time.Second, 0)), 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := executor.Arrival(tt.sc, tt.i)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("Arrival(%d) = %v, %v; want %v, %v", tt.i, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestArrivalsAreInOrderAndCountTheRate(t *testing.T) {
	tests := []struct {
		sc   *options.Scenario
		want int64 // iterations due in all
	}{
		{constantRate(20, 100*ms, 500*ms), 100},
		{constantRate(7, time.Second, 2*time.Second), 14},
		// 0→20 per 100ms over 100ms asks for 10, then 20 held for 200ms 40 more,
		// down to 0 over 100ms 10 more: the last one lands on the end.
		{rampingRate(0, 100*ms, stage(100*ms, 20), stage(200*ms, 20), stage(100*ms, 0)), 59},
		{rampingRate(5, 10*ms, stage(50*ms, 5)), 24},
	}
	for _, tt := range tests {
		var prev time.Duration
		var n int64
		for ; ; n++ {
			at, ok := executor.Arrival(tt.sc, n)
			if !ok {
				break
			}
			if at < prev {
				t.Errorf("%s: iteration %d due at %v, before %v", tt.sc.Executor, n, at, prev)
			}
			prev = at
		}
		if n != tt.want {
			t.Errorf("%s %v: %d iterations due, want %d", tt.sc.Executor, tt.sc.Stages, n, tt.want)
		}
	}
}

func TestRate(t *testing.T) {
	sc := rampingRate(10, time.Second, stage(10*time.Second, 30), stage(10*time.Second, 30), stage(5*time.Second, 0))
	tests := []struct {
		elapsed time.Duration
		want    float64
	}{{0, 10}, {5 * time.Second, 20}, {10 * time.Second, 30}, {15 * time.Second, 30}, {22500 * ms, 15}, {time.Hour, 0}}
	for _, tt := range tests {
		if got := executor.Rate(sc, tt.elapsed); got != tt.want {
			t.Errorf("Rate(%v) = %v, want %v", tt.elapsed, got, tt.want)
		}
	}
	if got := executor.Rate(constantRate(20, 100*ms, time.Second), 300*ms); got != 20 {
		t.Errorf("constant Rate = %v", got)
	}
	if got := executor.MaxRatePerSecond(sc); got != 30 {
		t.Errorf("MaxRatePerSecond(ramping) = %v, want 30", got)
	}
	if got := executor.MaxRatePerSecond(constantRate(20, 100*ms, time.Second)); got != 200 {
		t.Errorf("MaxRatePerSecond(20 per 100ms) = %v, want 200", got)
	}
}

func TestArrivalRateDurationsAndVUs(t *testing.T) {
	tests := []struct {
		name            string
		sc              *options.Scenario
		total           time.Duration
		maxVUs, initial int
	}{
		{"constant", constantRate(20, 100*ms, 500*ms), 500 * ms, 5, 2},
		{"ramping, maxVUs unset", rampingRate(0, time.Second, stage(time.Second, 5), stage(2*time.Second, 0)), 3 * time.Second, 1, 1},
		{"no VUs at all", &options.Scenario{Executor: options.ConstantArrivalRate, Rate: i64(1), Duration: dur(time.Second)}, time.Second, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := executor.TotalDuration(tt.sc); got != tt.total {
				t.Errorf("TotalDuration = %v, want %v", got, tt.total)
			}
			if got := executor.MaxVUs(tt.sc); got != tt.maxVUs {
				t.Errorf("MaxVUs = %d, want %d", got, tt.maxVUs)
			}
			if got := executor.InitialVUs(tt.sc); got != tt.initial {
				t.Errorf("InitialVUs = %d, want %d", got, tt.initial)
			}
		})
	}
}
