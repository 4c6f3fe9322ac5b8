package wstest

import (
	"context"
	"sync"
	"time"

	"github.com/wsk6/wstest/internal/executor"
)

// RunFile runs the script file at path to its end.
func RunFile(ctx context.Context, path string, opts ...Option) (*Result, error) {
	return Run(ctx, Script{Name: path}, opts...)
}

// Run runs script to its end. err is for runs that could not happen or
// ended abnormally: a bad script or options (*ConfigError, *ScriptError with
// the file position), an exception in init, setup or teardown, an abort by
// exec.test.abort() (wraps ErrAborted) or a cancelled ctx. Everything that
// happened inside a run that did happen is in the Result, which is never nil.
func Run(ctx context.Context, script Script, opts ...Option) (*Result, error) {
	run := Start(ctx, script, opts...)
	return run.Wait()
}

// LiveRun is a run in progress, started by Start.
type LiveRun struct {
	r    *runner
	done chan struct{}
	res  *Result
	err  error
	once sync.Once
}

// Start begins running script and returns at once. Poll the run with
// Events, Metric and Logs while it goes on; Wait for its end. Cancel ctx to
// stop it early.
//
// The run is not tied to a test: its goroutines go on until it ends or ctx
// is cancelled. From a test, use StartTest, which stops the run and waits
// for it at the test's cleanup; or cancel ctx and Wait in t.Cleanup.
func Start(ctx context.Context, script Script, opts ...Option) *LiveRun {
	cfg := newConfig(opts)
	run := &LiveRun{r: newRunner(script, cfg), done: make(chan struct{}), res: &Result{}}
	run.r.attach(ctx)
	go func() {
		defer close(run.done)
		run.err = run.r.run(script, run.res)
	}()
	return run
}

// Wait blocks until the run ends and returns its result.
func (l *LiveRun) Wait() (*Result, error) {
	<-l.done
	return l.res, l.err
}

// Done is closed when the run has ended.
func (l *LiveRun) Done() <-chan struct{} { return l.done }

// Finished reports whether the run has ended.
func (l *LiveRun) Finished() bool {
	select {
	case <-l.done:
		return true
	default:
		return false
	}
}

// Events returns a snapshot of the events seen so far.
func (l *LiveRun) Events() []Event {
	return l.r.rec.eventsSoFar()
}

// Logs returns a snapshot of the console output so far.
func (l *LiveRun) Logs() []LogEntry {
	return l.r.rec.logsSoFar()
}

// Snapshot returns a Result with what has happened so far (metrics,
// events, checks, logs, errors). After the end it is the final result.
func (l *LiveRun) Snapshot() *Result {
	if l.Finished() {
		return l.res
	}
	res := &Result{}
	l.r.snapshot(res)
	return res
}

// Interrupt stops the run as k6 stops on a first Ctrl-C or SIGTERM: the
// iterations are interrupted, teardown runs, the summary is made and the
// outputs are written; Wait then returns an *InterruptError for signal
// ("interrupt" or "terminated"), exit code 105. Cancel the context given
// to Start to stop at once instead.
func (l *LiveRun) Interrupt(signal string) { l.r.interrupt(signal) }

// Progress is a live run's position.
type Progress struct {
	Elapsed     time.Duration
	VUs         int64 // initialised VUs
	ActiveVUs   int64 // VUs inside an iteration
	Iterations  int64 // complete iterations
	Interrupted int64 // interrupted iterations
	Dropped     int64 // iterations arrival-rate scenarios dropped (no free VU)
	// Stage is "init" while the VUs run their init code, "setup" or
	// "teardown" while that function runs, "paused" while the run waits to
	// be resumed (the paused option), else "".
	Stage string
	// InitVUs is how many VUs the run makes before it starts (the most its
	// scenarios use at once); VUs counts them while Stage is "init".
	InitVUs int64
}

// Progress tells how far the run has got; cheap enough to poll.
func (l *LiveRun) Progress() Progress {
	e := l.r.exec
	stage, _ := e.stage.Load().(string)
	p := Progress{Elapsed: time.Since(e.start), VUs: e.vusInited.Load(), ActiveVUs: e.activeVUs.Load(),
		Iterations: e.iterations.Load(), Interrupted: e.interrupted.Load(), Stage: stage}
	if plan := l.r.plan.Load(); plan != nil {
		p.InitVUs = int64(executor.PlannedVUs(*plan))
	}
	if runs := l.r.scenarioRuns.Load(); runs != nil {
		for _, s := range *runs {
			p.Dropped += s.ex.Dropped()
		}
	}
	return p
}
