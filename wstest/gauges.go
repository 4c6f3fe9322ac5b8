package wstest

import "time"

// watchVUs emits vus and vus_max (the VUs made so far, which arrival-rate
// scenarios raise during the run) once a second, as k6's scheduler does:
// not at the start and not at the end, so a run shorter than a second has
// neither metric, as in k6.
func (r *runner) watchVUs() (stop func()) {
	tags := r.baseTags(nil)
	return every(time.Second, func(now time.Time) {
		r.builtin.VUs.Add(now, float64(r.exec.activeVUs.Load()), tags)
		r.builtin.VUsMax.Add(now, float64(r.exec.vusInited.Load()), tags)
	})
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
