package executor

import (
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// MaxVUs is how many VU slots the scenario uses at most: vus, for
// ramping-vus the largest of startVUs and the stages' targets, for the
// arrival-rate executors maxVUs.
func MaxVUs(sc *options.Scenario) int {
	if sc.IsArrivalRate() {
		return int(max(sc.MaxVUCount(), sc.PreAllocatedVUCount(), 0))
	}
	if sc.Executor != options.RampingVUs {
		return int(max(sc.VUCount(), 0))
	}
	n := sc.StartVUCount()
	for _, st := range sc.Stages {
		n = max(n, st.Target)
	}
	return int(max(n, 0))
}

// InitialVUs is how many VU slots the scenario needs ready before it
// starts: preAllocatedVUs for the arrival-rate executors, whose other
// slots up to MaxVUs are made during the run when an iteration finds no
// free VU, and MaxVUs for the others.
func InitialVUs(sc *options.Scenario) int {
	if sc.IsArrivalRate() {
		return int(max(min(sc.PreAllocatedVUCount(), int64(MaxVUs(sc))), 0))
	}
	return MaxVUs(sc)
}

// TotalDuration is how long after its start the scenario may begin new
// iterations (its soft end): duration for constant-vus and
// constant-arrival-rate, the stages' sum for ramping-vus and
// ramping-arrival-rate, maxDuration for the iteration-based executors.
func TotalDuration(sc *options.Scenario) time.Duration {
	switch sc.Executor {
	case options.ConstantVUs, options.ConstantArrivalRate:
		if sc.Duration == nil {
			return 0
		}
		return time.Duration(*sc.Duration)
	case options.RampingVUs, options.RampingArrivalRate:
		var d time.Duration
		for _, st := range sc.Stages {
			d += time.Duration(st.Duration)
		}
		return d
	default:
		return sc.MaxDurationValue()
	}
}

// MaxDuration is how long after the run's start the scenario ends at the
// latest: startTime, TotalDuration and gracefulStop.
func MaxDuration(sc *options.Scenario) time.Duration {
	return time.Duration(sc.StartTime) + TotalDuration(sc) + sc.GracefulStopDuration()
}

// Target is the number of VUs a ramping-vus scenario asks for at elapsed
// time since its start: startVUs, then linear within each stage towards its
// target (rounded towards the stage's start value), then the last target.
func Target(sc *options.Scenario, elapsed time.Duration) int64 {
	from := sc.StartVUCount()
	var at time.Duration
	for _, st := range sc.Stages {
		d := time.Duration(st.Duration)
		if elapsed < at+d {
			frac := float64(elapsed-at) / float64(d)
			return from + int64(float64(st.Target-from)*frac)
		}
		at += d
		from = st.Target
	}
	return from
}

// NextActivation is the first elapsed time, from `from` on and before the
// stages end, at which the ramping-vus Target exceeds slot, that is, when
// the VU in that slot (0-based) may iterate. ok is false when it never
// does again.
func NextActivation(sc *options.Scenario, slot int64, from time.Duration) (next time.Duration, ok bool) {
	return nextInstant(sc, from, func(target int64) bool { return target > slot },
		func(prev, target int64) bool { return target > prev })
}

// nextInstant is the first elapsed time, from `from` on and before the
// stages end, at which holds(Target) is true. Within a stage that moves
// Target towards holding (toward(prev, target)), Target is monotonic, so
// the instant is found by bisection.
func nextInstant(sc *options.Scenario, from time.Duration, holds func(target int64) bool,
	toward func(prev, target int64) bool,
) (time.Duration, bool) {
	holdsAt := func(d time.Duration) bool { return holds(Target(sc, d)) }
	prev := sc.StartVUCount()
	var at time.Duration
	for _, st := range sc.Stages {
		end := at + time.Duration(st.Duration)
		if end > from {
			lo := max(from, at)
			if holdsAt(lo) {
				return lo, true
			}
			if hi := end - 1; toward(prev, st.Target) && holdsAt(hi) {
				for hi-lo > 1 { // holdsAt is false at lo, true at hi
					mid := lo + (hi-lo)/2
					if holdsAt(mid) {
						hi = mid
					} else {
						lo = mid
					}
				}
				return hi, true
			}
		}
		at, prev = end, st.Target
	}
	return 0, false
}
