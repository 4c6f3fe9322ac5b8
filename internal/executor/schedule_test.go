package executor_test

import (
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

const ms = time.Millisecond

func i64(n int64) *int64 { return &n }

func dur(d time.Duration) *options.Duration { v := options.Duration(d); return &v }

func stages(s ...options.Stage) []options.Stage { return s }

func stage(d time.Duration, target int64) options.Stage {
	return options.Stage{Duration: options.Duration(d), Target: target}
}

// ramp: 0 VUs, up to 10 in 100ms, hold 100ms, down to 0 in 100ms.
func ramp() *options.Scenario {
	return &options.Scenario{Name: "r", Executor: options.RampingVUs, StartVUs: i64(0),
		Stages: stages(stage(100*ms, 10), stage(100*ms, 10), stage(100*ms, 0))}
}

func TestTarget(t *testing.T) {
	tests := []struct {
		elapsed time.Duration
		want    int64
	}{
		{0, 0}, {9 * ms, 0}, {10 * ms, 1}, {50 * ms, 5}, {99 * ms, 9}, {100 * ms, 10},
		{150 * ms, 10}, {200 * ms, 10}, {250 * ms, 5}, {299 * ms, 1}, {300 * ms, 0}, {time.Hour, 0},
	}
	for _, tt := range tests {
		if got := executor.Target(ramp(), tt.elapsed); got != tt.want {
			t.Errorf("Target(%v) = %d, want %d", tt.elapsed, got, tt.want)
		}
	}
	// startVUs unset is 1; a zero-length stage jumps.
	sc := &options.Scenario{Executor: options.RampingVUs, Stages: stages(stage(0, 5), stage(100*ms, 5))}
	if got := executor.Target(sc, 0); got != 5 {
		t.Errorf("after a zero-length stage: %d, want 5", got)
	}
	sc.Stages = stages(stage(100*ms, 3))
	if got := executor.Target(sc, 0); got != 1 {
		t.Errorf("default startVUs: %d, want 1", got)
	}
}

func TestNextActivation(t *testing.T) {
	tests := []struct {
		slot   int64
		from   time.Duration
		want   time.Duration
		wantOK bool
	}{
		{slot: 0, from: 0, want: 10 * ms, wantOK: true},
		{slot: 4, from: 0, want: 50 * ms, wantOK: true},
		{slot: 9, from: 0, want: 100 * ms, wantOK: true},
		{slot: 4, from: 60 * ms, want: 60 * ms, wantOK: true}, // already active
		{slot: 4, from: 150 * ms, want: 150 * ms, wantOK: true},
		{slot: 4, from: 260 * ms, wantOK: false}, // ramping down: never again
		{slot: 10, from: 0, wantOK: false},       // above every target
		{slot: 0, from: 300 * ms, wantOK: false}, // stages over
	}
	for _, tt := range tests {
		got, ok := executor.NextActivation(ramp(), tt.slot, tt.from)
		if ok != tt.wantOK || ok && got != tt.want {
			t.Errorf("NextActivation(slot %d, from %v) = %v, %v; want %v, %v", tt.slot, tt.from, got, ok, tt.want, tt.wantOK)
		}
		if ok && (executor.Target(ramp(), got) <= tt.slot || got > tt.from && executor.Target(ramp(), got-1) > tt.slot) {
			t.Errorf("slot %d from %v: %v is not the first active instant", tt.slot, tt.from, got)
		}
	}
	// Up, down, up again: a slot comes back in the second rise.
	sc := &options.Scenario{Executor: options.RampingVUs, StartVUs: i64(0),
		Stages: stages(stage(100*ms, 2), stage(100*ms, 0), stage(100*ms, 4))}
	if got, ok := executor.NextActivation(sc, 1, 150*ms); !ok || got != 250*ms {
		t.Errorf("second rise: %v, %v; want 250ms", got, ok)
	}
}

func TestDurationsAndVUs(t *testing.T) {
	tests := []struct {
		name          string
		sc            *options.Scenario
		total, maxDur time.Duration
		maxVUs        int
	}{
		{"shared-iterations defaults", &options.Scenario{Executor: options.SharedIterations},
			10 * time.Minute, 10*time.Minute + 30*time.Second, 1},
		{"per-vu-iterations with maxDuration", &options.Scenario{Executor: options.PerVUIterations, VUs: i64(3), MaxDuration: dur(5 * time.Second)},
			5 * time.Second, 35 * time.Second, 3},
		{"constant-vus with startTime and gracefulStop", &options.Scenario{Executor: options.ConstantVUs, VUs: i64(2),
			Duration: dur(time.Second), StartTime: options.Duration(2 * time.Second), GracefulStop: dur(0)},
			time.Second, 3 * time.Second, 2},
		{"ramping-vus", ramp(), 300 * ms, 300*ms + 30*time.Second, 10},
		{"ramping-vus from more than its targets", &options.Scenario{Executor: options.RampingVUs, StartVUs: i64(7),
			Stages: stages(stage(time.Second, 3))}, time.Second, 31 * time.Second, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := executor.TotalDuration(tt.sc); got != tt.total {
				t.Errorf("TotalDuration = %v, want %v", got, tt.total)
			}
			if got := executor.MaxDuration(tt.sc); got != tt.maxDur {
				t.Errorf("MaxDuration = %v, want %v", got, tt.maxDur)
			}
			if got := executor.MaxVUs(tt.sc); got != tt.maxVUs {
				t.Errorf("MaxVUs = %v, want %v", got, tt.maxVUs)
			}
		})
	}
}
