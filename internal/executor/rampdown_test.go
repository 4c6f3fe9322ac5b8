package executor_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/options"
)

func TestNextDeactivation(t *testing.T) {
	tests := []struct {
		slot   int64
		from   time.Duration
		want   time.Duration
		wantOK bool
	}{
		{slot: 0, from: 0, want: 0, wantOK: true},               // startVUs 0: not yet up
		{slot: 9, from: 100 * ms, want: 210 * ms, wantOK: true}, // first to go in the ramp down
		{slot: 4, from: 100 * ms, want: 260 * ms, wantOK: true}, // halfway down
		{slot: 0, from: 100 * ms, wantOK: false},                // the last one goes with the end of the stages
		{slot: 4, from: 270 * ms, want: 270 * ms, wantOK: true}, // already down
		{slot: 0, from: 300 * ms, wantOK: false},                // stages over: gracefulStop's business
		{slot: 10, from: 0, want: 0, wantOK: true},              // never up
	}
	for _, tt := range tests {
		got, ok := executor.NextDeactivation(ramp(), tt.slot, tt.from)
		if ok != tt.wantOK || ok && got != tt.want {
			t.Errorf("NextDeactivation(slot %d, from %v) = %v, %v; want %v, %v", tt.slot, tt.from, got, ok, tt.want, tt.wantOK)
		}
	}
	// Held to the end: no ramp-down.
	sc := &options.Scenario{Executor: options.RampingVUs, Stages: stages(stage(100*ms, 3))}
	if got, ok := executor.NextDeactivation(sc, 1, 90*ms); ok {
		t.Errorf("slot 1 of a ramp up is ramped down at %v", got)
	}
}

func TestRampDownStop(t *testing.T) {
	grace := func(sc *options.Scenario, d time.Duration) *options.Scenario { sc.GracefulRampDown = dur(d); return sc }
	upDownUp := func() *options.Scenario {
		return &options.Scenario{Executor: options.RampingVUs, StartVUs: i64(2),
			Stages: stages(stage(100*ms, 2), stage(0, 0), stage(20*ms, 0), stage(0, 2), stage(100*ms, 2), stage(0, 0), stage(100*ms, 0))}
	}
	tests := []struct {
		name   string
		sc     *options.Scenario
		slot   int64
		from   time.Duration
		want   time.Duration
		wantOK bool
	}{
		{"default 30s after the ramp-down", ramp(), 9, 150 * ms, 210*ms + 30*time.Second, true},
		{"gracefulRampDown after the ramp-down", grace(ramp(), 15*ms), 4, 150 * ms, 275 * ms, true},
		{"zero gracefulRampDown", grace(ramp(), 0), 4, 150 * ms, 260 * ms, true},
		{"back up within the grace: the next ramp-down counts", grace(upDownUp(), 50*ms), 1, 10 * ms, 270 * ms, true},
		{"back up after the grace", grace(upDownUp(), 10*ms), 1, 10 * ms, 110 * ms, true},
		{"held to the end", &options.Scenario{Executor: options.RampingVUs, Stages: stages(stage(100*ms, 3))}, 0, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := executor.RampDownStop(tt.sc, tt.slot, tt.from)
			if ok != tt.wantOK || ok && got != tt.want {
				t.Errorf("RampDownStop(slot %d, from %v) = %v, %v; want %v, %v", tt.slot, tt.from, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestGracefulRampDownInterruptsTheRampedDownVU(t *testing.T) {
	// Two VUs, then one: slot 1 is ramped down at 100ms and its endless
	// iteration gets 50ms more; slot 0 runs until the hard end.
	sc := &options.Scenario{Name: "r", Executor: options.RampingVUs, StartVUs: i64(2),
		Stages: stages(stage(100*ms, 2), stage(0, 1), stage(300*ms, 1)), GracefulRampDown: dur(50 * ms), GracefulStop: dur(0)}
	var deadlines [2]time.Time
	e, calls := runScenario(t, context.Background(), sc, executor.Settings{}, func(ctx context.Context, it executor.Iteration) {
		deadlines[it.Slot], _ = ctx.Deadline()
		<-ctx.Done()
	})
	if len(calls) != 2 {
		t.Fatalf("%d iterations, want one per slot", len(calls))
	}
	for _, c := range calls {
		if !errors.Is(c.ctxErr, context.DeadlineExceeded) {
			t.Errorf("slot %d ended with %v", c.it.Slot, c.ctxErr)
		}
	}
	if want := e.Start().Add(150 * ms); !deadlines[1].Equal(want) {
		t.Errorf("slot 1 deadline start+%v, want start+150ms", deadlines[1].Sub(e.Start()))
	}
	if want := e.Start().Add(400 * ms); !deadlines[0].Equal(want) {
		t.Errorf("slot 0 deadline start+%v, want the hard end at start+400ms", deadlines[0].Sub(e.Start()))
	}
}
