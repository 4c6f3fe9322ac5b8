package wstest

import "context"

// Resume starts a run that the `paused` option (k6 run --paused, K6_PAUSED,
// or WithOptionText("paused", "true")) holds before setup(). A paused run
// waits for Resume, Interrupt or its context; Interrupt ends it with an
// *InterruptError, setup and teardown not run, the summary still made.
// Resume is safe to call from any goroutine, more than once, and does
// nothing to a run that is not paused.
func (l *LiveRun) Resume() { l.r.resumeOnce.Do(func() { close(l.r.resume) }) }

// waitIfPaused holds a run whose options say paused until Resume, as k6
// holds it before setup(); Progress.Stage is "paused" meanwhile. An error
// is why the run stopped instead (a signal or the caller's context).
func (r *runner) waitIfPaused() error {
	if r.opts.Paused == nil || !*r.opts.Paused {
		return nil
	}
	r.exec.stage.Store("paused")
	defer r.exec.stage.Store("")
	select {
	case <-r.resume:
		return nil
	case <-r.ctx.Done():
		return context.Cause(r.ctx)
	}
}
