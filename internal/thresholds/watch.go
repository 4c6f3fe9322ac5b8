package thresholds

import (
	"sync"
	"time"
)

// Interval is how often k6 evaluates thresholds during a run.
const Interval = 2 * time.Second

// Watch evaluates the set every interval (Interval in a run) on its own
// goroutine until the returned stop is called; stop waits for that
// goroutine to end and may be called more than once. elapsed gives the time
// since the test started. The first evaluation whose results abort (see
// Result.Aborts) calls abort once, with the first such result, and ends
// the watching: the caller stops the run. The final evaluation at the end
// of the run is the caller's (Evaluate).
func (s *Set) Watch(interval time.Duration, elapsed func() time.Duration, abort func(Result)) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			results, aborts := s.Evaluate(elapsed())
			if !aborts {
				continue
			}
			for _, r := range results {
				if r.Aborts {
					abort(r)
					return
				}
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done) })
		<-finished
	}
}
