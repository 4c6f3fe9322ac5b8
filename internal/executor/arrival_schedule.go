package executor

import (
	"math"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// Arrival is when, after the scenario's start, the arrival-rate executor
// makes its iteration number i (from 0) due; ok is false when that
// iteration falls at or after the scenario's soft end, so that it never
// comes.
//
// constant-arrival-rate makes one due every timeUnit/rate, the first at
// the start. ramping-arrival-rate follows the rate from startRate through
// the stages, linear within each; iteration i is due at the instant the
// number of iterations the rate has asked for so far (the integral of the
// rate) reaches i+1, so the first comes one rate period in, not at the
// start.
func Arrival(sc *options.Scenario, i int64) (at time.Duration, ok bool) {
	total := TotalDuration(sc)
	unit := float64(sc.TimeUnitDuration())
	if unit <= 0 || i < 0 {
		return 0, false
	}
	switch sc.Executor {
	case options.ConstantArrivalRate:
		rate := sc.RateCount()
		if rate <= 0 {
			return 0, false
		}
		at = time.Duration(math.Round(float64(i) * unit / float64(rate)))
		return at, at < total
	case options.RampingArrivalRate:
		need := float64(i + 1) // iterations the rate must have asked for
		from := float64(sc.StartRateCount()) / unit
		var start time.Duration
		for _, st := range sc.Stages {
			d := time.Duration(st.Duration)
			to := float64(st.Target) / unit
			count := (from + to) / 2 * float64(d)
			if d > 0 && need <= count {
				at = start + time.Duration(math.Round(within(from, to, float64(d), need)))
				return at, at < total
			}
			if d > 0 {
				need -= count
			}
			start += d
			from = to
		}
	}
	return 0, false
}

// within solves, for a rate going linearly from a to b (per nanosecond)
// over d nanoseconds, the time t at which a*t + (b-a)*t*t/(2d) = k, in the
// form that stays exact when a and b are equal.
func within(a, b, d, k float64) float64 {
	disc := max(a*a+2*k*(b-a)/d, 0)
	return 2 * k / (a + math.Sqrt(disc))
}

// Rate is the iteration rate, per timeUnit, that an arrival-rate scenario
// asks for at elapsed time since its start: rate for constant-arrival-rate;
// for ramping-arrival-rate startRate, then linear within each stage, then
// the last target.
func Rate(sc *options.Scenario, elapsed time.Duration) float64 {
	if sc.Executor == options.ConstantArrivalRate {
		return float64(sc.RateCount())
	}
	from := float64(sc.StartRateCount())
	var at time.Duration
	for _, st := range sc.Stages {
		d := time.Duration(st.Duration)
		if elapsed < at+d {
			return from + (float64(st.Target)-from)*float64(elapsed-at)/float64(d)
		}
		at += d
		from = float64(st.Target)
	}
	return from
}

// RatePerSecond is the iteration rate an arrival-rate executor shows now,
// per second, as k6's progress does: constant-arrival-rate's rate; for
// ramping-arrival-rate one over the gap between the iteration due next
// (the last one once none is) and the one before it, 0 for no gap.
func (e *Executor) RatePerSecond() float64 {
	if e.cfg.Executor != options.RampingArrivalRate {
		return MaxRatePerSecond(e.cfg)
	}
	i := e.due.Load()
	at, ok := Arrival(e.cfg, i)
	if !ok {
		return 0
	}
	var prev time.Duration
	if i > 0 {
		prev, _ = Arrival(e.cfg, i-1)
	}
	if at <= prev {
		return 0
	}
	return float64(time.Second) / float64(at-prev)
}

// MaxRatePerSecond is the highest iteration rate of an arrival-rate
// scenario, per second (what k6's scenario description shows).
func MaxRatePerSecond(sc *options.Scenario) float64 {
	peak := sc.RateCount()
	if sc.Executor == options.RampingArrivalRate {
		peak = sc.StartRateCount()
		for _, st := range sc.Stages {
			peak = max(peak, st.Target)
		}
	}
	unit := sc.TimeUnitDuration()
	if unit <= 0 {
		return 0
	}
	return float64(peak) * float64(time.Second) / float64(unit)
}
