package executor

import (
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// NextDeactivation is the first elapsed time, from `from` on and before the
// stages end, at which the ramping-vus Target is at or below slot, that
// is, when the VU in that slot (0-based) is ramped down. ok is false when
// it is not ramped down before the stages end (gracefulStop then applies,
// not gracefulRampDown).
func NextDeactivation(sc *options.Scenario, slot int64, from time.Duration) (next time.Duration, ok bool) {
	return nextInstant(sc, from, func(target int64) bool { return target <= slot },
		func(prev, target int64) bool { return target < prev })
}

// RampDownStop is when an iteration that the VU in slot started at elapsed
// time from is interrupted by the ramp-down: gracefulRampDown after the
// slot is ramped down, unless the stages bring it back before that, in
// which case the VU goes on and the next ramp-down counts. ok is false
// when no ramp-down stops it (the scenario's hard end still does).
func RampDownStop(sc *options.Scenario, slot int64, from time.Duration) (stop time.Duration, ok bool) {
	grace := sc.GracefulRampDownDuration()
	for {
		down, ok := NextDeactivation(sc, slot, from)
		if !ok {
			return 0, false
		}
		stop = down + grace
		up, ok := NextActivation(sc, slot, down)
		if !ok || up >= stop {
			return stop, true
		}
		from = up
	}
}
