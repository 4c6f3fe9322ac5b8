package wstest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/vu"
)

// runner runs one script once: it loads the script, reads its options,
// makes the VUs and runs setup, the scenarios, teardown and the summary.
type runner struct {
	cfg       *config
	name      string
	bundle    *bundle.Bundle
	opts      *options.Options
	scenarios []*options.Scenario
	registry  *metrics.Registry
	builtin   *metrics.Builtins
	settings  *vu.Settings
	env       map[string]string
	network   *network
	jsonOuts  []*metrics.JSONOutput
	outputs   []timedOutput // closed at the end of the run
	setupJSON string

	scenarioRuns atomic.Pointer[[]*scenarioRun] // once the scenarios start
	plan         atomic.Pointer[[]*options.Scenario]
	ready        chan struct{} // closed once the plan is known or the run ended
	readyOnce    sync.Once
	resume       chan struct{} // closed by LiveRun.Resume
	resumeOnce   sync.Once

	rec  *recorder
	exec *execState
	// lastVUID is the id of the last VU made; VUs made during the run
	// take the next.
	lastVUID atomic.Int64
	idle     vuPool // the VUs no scenario is using

	vusMu sync.Mutex
	made  []*vu.VU // every VU made, closed at the end of the run

	parent context.Context // the caller's context: cancelling it ends everything
	ctx    context.Context // the run's context: also cancelled on abort
}

func newRunner(script Script, cfg *config) *runner {
	r := &runner{cfg: cfg, name: script.Name, rec: newRecorder(cfg.onLog, cfg.eventLimit), exec: &execState{start: time.Now()},
		ready: make(chan struct{}), resume: make(chan struct{})}
	r.exec.onFail = func(reason string) { r.rec.Log(0, vu.LevelError, "test marked as failed: "+reason) }
	r.registry = metrics.NewRegistry()
	r.registry.SetSampleLimit(cfg.sampleLimit)
	r.builtin, _ = metrics.RegisterBuiltins(r.registry) // fresh registry: cannot clash
	r.env = map[string]string{}
	if cfg.systemEnv {
		for _, kv := range os.Environ() {
			if k, v, ok := strings.Cut(kv, "="); ok {
				r.env[k] = v
			}
		}
	}
	for k, v := range cfg.env {
		r.env[k] = v
	}
	return r
}

// attach ties the run to the caller's context; Start calls it before the
// run's goroutine starts, so that interrupt may be called at once.
func (r *runner) attach(ctx context.Context) {
	r.parent = ctx
	r.ctx, r.exec.cancel = context.WithCancelCause(ctx)
}

// interrupt stops the scenarios as a first signal does in k6: teardown,
// the summary and the outputs still happen, and the run ends with an
// *InterruptError.
func (r *runner) interrupt(signal string) { r.exec.cancel(&InterruptError{Signal: signal}) }

// run is the whole life of a run. A non-nil error means the run could not
// happen or ended abnormally; the result is still filled as far as it got.
// Once the options are known the summary is made whatever happens next
// (abort, signal, setup or teardown exception), as in k6; only a cancelled
// caller's context skips it.
func (r *runner) run(script Script, res *Result) (err error) {
	defer r.exec.cancel(nil)
	defer r.markReady()
	defer func() {
		for _, o := range r.outputs {
			if ferr := o.Close(); ferr != nil {
				r.rec.Log(0, vu.LevelError, "output: "+ferr.Error())
			}
		}
		r.snapshot(res)
	}()

	if err := r.load(script); err != nil {
		return err
	}
	r.network = newNetwork(r.cfg)
	defer r.network.close()
	defer r.closeVUs()
	r.makeSettings()
	vu0, err := r.newVU(r.ctx, 0)
	if err != nil {
		return r.stopped(err)
	}
	if err := r.readOptions(vu0); err != nil {
		return err
	}
	vu0.Settings = r.settings // made before the options were known
	defer r.flushOutputs()()
	th, err := newThresholds(r)
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	r.plan.Store(&r.scenarios)
	r.markReady()
	err = r.runTest(vu0, th)
	if r.parent.Err() != nil {
		return context.Cause(r.parent)
	}
	r.handleSummary(res, th.final(r))
	return err
}

// runTest makes the VUs, then runs setup, the scenarios and teardown, in
// k6's order: every VU's init code runs before setup().
func (r *runner) runTest(vu0 *vuInstance, th *runThresholds) error {
	r.exec.stage.Store("init")
	if err := r.initVUs(); err != nil {
		return r.stopped(err)
	}
	if err := r.waitIfPaused(); err != nil {
		return r.stopped(err) // as in k6: neither setup nor teardown
	}
	r.exec.stage.Store("setup")
	if err := r.runSetup(vu0); err != nil {
		return r.stopped(err)
	}
	r.exec.stage.Store("")
	stopEval := th.watch(r)
	stopGauges := r.watchVUs()
	r.runScenarios()
	stopGauges()
	stopEval()
	if r.parent.Err() != nil {
		return context.Cause(r.parent)
	}
	// After an abort or a signal, teardown still runs, as in k6.
	r.exec.stage.Store("teardown")
	defer r.exec.stage.Store("")
	if err := r.runTeardown(); err != nil {
		return r.stopped(err)
	}
	var interrupted *InterruptError
	if errors.As(context.Cause(r.ctx), &interrupted) {
		return interrupted
	}
	if aborted, _ := r.exec.abortState(); aborted && !errors.Is(context.Cause(r.ctx), errAbortedByThreshold) {
		return r.exec.abortError()
	}
	return nil
}

// markReady closes ready once.
func (r *runner) markReady() { r.readyOnce.Do(func() { close(r.ready) }) }

// stopped prefers the run context's cause (cancel or abort) to err.
func (r *runner) stopped(err error) error {
	if r.parent.Err() != nil {
		return context.Cause(r.parent)
	}
	if r.ctx.Err() != nil {
		if cause := context.Cause(r.ctx); isAbort(cause) {
			return r.exec.abortError()
		}
		return context.Cause(r.ctx)
	}
	return err
}

func (r *runner) load(script Script) error {
	src := script.Source
	if src == "" {
		b, err := os.ReadFile(script.Name)
		if err != nil {
			return &ScriptError{Stage: "init", File: script.Name, Message: fmt.Sprintf("cannot read the script: %v", err), cause: err}
		}
		src = string(b)
	}
	b, err := bundle.Load(script.Name, []byte(src), bundle.Options{Modules: r.cfg.modules})
	if err != nil {
		return scriptError("init", 0, 0, err)
	}
	r.bundle = b
	return nil
}

// abort ends the run early (a threshold's abortOnFail).
func (r *runner) abort(reason string, cause error) { r.exec.abort(reason, cause) }

// snapshot copies what the run has gathered so far into res.
func (r *runner) snapshot(res *Result) {
	res.Duration = time.Since(r.exec.start)
	r.rec.snapshot(res)
	res.Iterations = r.exec.iterations.Load()
	res.Aborted, res.AbortReason = r.exec.abortState()
	res.MarkedFailed, res.FailReason = r.exec.failState()
	res.Metrics = snapshotMetrics(r.registry, res.Duration)
	res.SamplesNotKept = r.registry.SamplesNotKept()
}

// track keeps v so that the end of the run closes it.
func (r *runner) track(v *vu.VU) {
	r.vusMu.Lock()
	r.made = append(r.made, v)
	r.vusMu.Unlock()
}

// closeVUs closes every VU made by the run (their idle connections go).
func (r *runner) closeVUs() {
	r.vusMu.Lock()
	made := r.made
	r.made = nil
	r.vusMu.Unlock()
	for _, v := range made {
		v.Close()
	}
}
