package jsloop

import (
	"math"
	"time"
)

// Option configures a Loop.
type Option func(*Loop)

// WithTimeScale makes timers fire f times sooner: a delay of d milliseconds
// waits d*f milliseconds. 0 < f <= 1 speeds timers up, 1 (the default) is real
// time. WithTimeScale panics unless f is a positive finite number.
func WithTimeScale(f float64) Option {
	if !(f > 0) || math.IsInf(f, 0) {
		panic("jsloop: time scale must be a positive finite number")
	}
	return func(l *Loop) { l.scale = f }
}

// WithWarnf receives warnings such as "setTimeout 1 was stopped because the
// VU iteration was interrupted". It is called on the loop goroutine. By
// default warnings are discarded; nil restores that default.
func WithWarnf(warnf func(format string, args ...any)) Option {
	return func(l *Loop) {
		if warnf == nil {
			warnf = discardWarnf
		}
		l.warnf = warnf
	}
}

// WithClock replaces time.Now for timer deadlines (tests). Timers still wait
// on real Go timers for the difference between a deadline and now(); a timer
// whose Go timer fired counts as due even if now() has not moved. nil
// restores time.Now.
func WithClock(now func() time.Time) Option {
	return func(l *Loop) {
		if now == nil {
			now = time.Now
		}
		l.now = now
	}
}

func discardWarnf(string, ...any) {}
