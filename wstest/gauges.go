package wstest

import "time"

// watchVUs emits vus and vus_max (the VUs made so far, which arrival-rate
// scenarios raise during the run) at the start and every second, as k6
// does, until stopped.
func (r *runner) watchVUs() (stop func()) {
	tags := r.baseTags(nil)
	emit := func(now time.Time) {
		r.builtin.VUs.Add(now, float64(r.exec.activeVUs.Load()), tags)
		r.builtin.VUsMax.Add(now, float64(r.exec.vusInited.Load()), tags)
	}
	now := time.Now()
	total := float64(r.exec.vusInited.Load())
	r.builtin.VUsMax.Add(now, total, tags)
	r.builtin.VUs.Add(now, total, tags)
	stopTicker := every(time.Second, emit)
	return func() {
		stopTicker()
		emit(time.Now())
	}
}

// every calls f every interval on its own goroutine until stop is called;
// stop returns once that goroutine has ended.
func every(interval time.Duration, f func(now time.Time)) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				f(now)
			}
		}
	}()
	return func() { close(done); <-finished }
}
