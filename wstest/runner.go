package wstest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// runner runs one script once: it loads the script, reads its options,
// makes the VUs and runs setup, the scenarios, teardown and the summary.
type runner struct {
	cfg       *config
	name      string
	bundle    *bundle.Bundle
	opts      *scriptOptions
	scenarios []*scenarioConfig
	registry  *metrics.Registry
	builtin   *metrics.Builtins
	settings  *vu.Settings
	env       map[string]string
	network   *network
	jsonOut   *metrics.JSONOutput
	setupJSON string

	rec  *recorder
	exec *execState

	parent context.Context // the caller's context: cancelling it ends everything
	ctx    context.Context // the run's context: also cancelled on abort
}

func newRunner(script Script, cfg *config) *runner {
	r := &runner{cfg: cfg, name: script.Name, rec: newRecorder(cfg.onLog), exec: &execState{start: time.Now()}}
	r.registry = metrics.NewRegistry()
	r.registry.SetKeepSamples(!cfg.dropSamples)
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

// run is the whole life of a run. A non-nil error means the run could not
// happen or ended abnormally; the result is still filled as far as it got.
func (r *runner) run(ctx context.Context, script Script, res *Result) (err error) {
	r.parent = ctx
	var cancel context.CancelCauseFunc
	r.ctx, cancel = context.WithCancelCause(ctx)
	r.exec.cancel = cancel
	defer cancel(nil)
	defer func() {
		if r.jsonOut != nil {
			if ferr := r.jsonOut.Flush(); ferr != nil {
				r.rec.Log(0, vu.LevelError, "json output: "+ferr.Error())
			}
		}
		r.snapshot(res)
	}()

	if err := r.load(script); err != nil {
		return err
	}
	r.network = newNetwork(r.cfg)
	defer r.network.close()
	if err := r.setupShared(); err != nil {
		return err
	}
	vu0, err := r.newVU(r.ctx, 0)
	if err != nil {
		return r.stopped(err)
	}
	if err := r.readOptions(vu0); err != nil {
		return err
	}
	vu0.Settings = r.settings // made before the options were known
	th, err := newThresholds(r)
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	if err := r.runSetup(vu0); err != nil {
		return r.stopped(err)
	}
	vus, err := r.initVUs()
	if err != nil {
		return r.stopped(err)
	}
	stopEval := th.watch(r)
	stopGauges := r.watchVUs(int64(len(vus)))
	r.runScenarios(vus)
	stopGauges()
	stopEval()
	if r.parent.Err() != nil {
		return context.Cause(r.parent)
	}
	// After an abort, teardown and the summary still run, as in k6.
	if err := r.runTeardown(); err != nil {
		return r.stopped(err)
	}
	r.handleSummary(res, th.final(r))
	if aborted, reason := r.exec.abortState(); aborted && !errors.Is(context.Cause(r.ctx), errAbortedByThreshold) {
		return fmt.Errorf("%w: %s", ErrAborted, reason)
	}
	return nil
}

// stopped prefers the run context's cause (cancel or abort) to err.
func (r *runner) stopped(err error) error {
	if r.parent.Err() != nil {
		return context.Cause(r.parent)
	}
	if r.ctx.Err() != nil {
		if cause := context.Cause(r.ctx); isAbort(cause) {
			_, reason := r.exec.abortState()
			return fmt.Errorf("%w: %s", ErrAborted, reason)
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
			return &ScriptError{Stage: "init", File: script.Name, Message: fmt.Sprintf("cannot read the script: %v", err)}
		}
		src = string(b)
	}
	b, err := bundle.Load(script.Name, []byte(src), bundle.Options{AllowOutside: r.cfg.allowOutside, Modules: r.cfg.modules})
	if err != nil {
		return scriptError("init", 0, 0, err)
	}
	r.bundle = b
	return nil
}

func (r *runner) setupShared() error {
	if r.cfg.jsonOut != nil {
		r.jsonOut = metrics.NewJSONOutput(r.cfg.jsonOut)
		r.registry.AddOutput(r.jsonOut)
	}
	r.exec.options = r.optionsValue
	r.settings = &vu.Settings{
		Registry:   r.registry,
		Builtin:    r.builtin,
		Dial:       r.network.dial,
		TLS:        r.network.tlsConfig(),
		UserAgent:  "wstest/1.0 (https://github.com/wsk6/wstest)",
		SystemTags: defaultSystemTags(),
		TimeScale:  r.cfg.timeScale,
		Shared:     vu.NewSharedStore(),
	}
	return nil
}

// readOptions reads `export const options` from the first VU and
// consolidates it with the Go options.
func (r *runner) readOptions(vu0 *vuInstance) error {
	var raw []byte
	if o := vu0.exports.Get("options"); o != nil && !goja.IsUndefined(o) && !goja.IsNull(o) {
		b, err := json.Marshal(o.Export())
		if err != nil {
			return &ConfigError{File: r.name, Err: fmt.Errorf("options cannot be read as JSON: %w", err)}
		}
		raw = b
	}
	opts, unknown, err := parseScriptOptions(raw)
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	if len(unknown) > 0 {
		r.rec.Log(0, vu.LevelWarn, "there were unknown fields in the options exported in the script: "+strings.Join(unknown, ", "))
	}
	r.applyConfig(opts)
	r.opts = opts
	scenarios, err := opts.scenarios()
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	if !hasExportedFunction(vu0.exports) {
		return &ScriptError{Stage: "init", File: r.name, Message: "no exported functions in script"}
	}
	for _, sc := range scenarios {
		if _, ok := goja.AssertFunction(vu0.exports.Get(sc.Exec)); !ok {
			return &ConfigError{File: r.name, Err: fmt.Errorf("scenario %q: function '%s' not found in exports", sc.Name, sc.Exec)}
		}
	}
	for _, name := range []string{"setup", "teardown", "handleSummary"} {
		if v := vu0.exports.Get(name); v != nil && !goja.IsUndefined(v) {
			if _, ok := goja.AssertFunction(v); !ok {
				return &ConfigError{File: r.name, Err: fmt.Errorf("exported %s must be a function", name)}
			}
		}
	}
	r.scenarios = scenarios
	return nil
}

// applyConfig lets the Go options (the command line) win over the script.
func (r *runner) applyConfig(opts *scriptOptions) {
	c := r.cfg
	if c.iterations != nil || c.duration != nil {
		opts.Iterations, opts.Duration, opts.Stages, opts.Scenarios = nil, nil, nil, nil
		opts.Iterations = c.iterations
		if c.duration != nil {
			d := duration(*c.duration)
			opts.Duration = &d
		}
	}
	if c.vus != nil {
		opts.VUs = c.vus
	}
	if opts.Tags == nil {
		opts.Tags = map[string]string{}
	}
	for k, v := range c.tags {
		opts.Tags[k] = v
	}
	// The VUs made from here on get the settings the options give.
	s := *r.settings
	if opts.UserAgent != nil {
		s.UserAgent = *opts.UserAgent
	}
	if len(opts.SystemTags) > 0 {
		s.SystemTags = map[string]bool{}
		for _, t := range opts.SystemTags {
			s.SystemTags[t] = true
		}
	}
	s.Throw = opts.Throw
	s.NoCookiesReset = opts.NoCookiesReset
	r.network.configure(opts.Hosts, opts.InsecureSkipTLSVerify || c.insecureTLS)
	s.TLS = r.network.tlsConfig()
	r.settings = &s
}

func hasExportedFunction(exports *goja.Object) bool {
	for _, k := range exports.Keys() {
		if _, ok := goja.AssertFunction(exports.Get(k)); ok {
			return true
		}
	}
	return false
}

func defaultSystemTags() map[string]bool {
	tags := map[string]bool{}
	for _, t := range []string{"proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code", "tls_version", "scenario", "service", "expected_response"} {
		tags[t] = true
	}
	return tags
}

// runSetup runs setup() in VU 0 and keeps its result as JSON.
func (r *runner) runSetup(vu0 *vuInstance) error {
	if r.opts.NoSetup {
		return nil
	}
	if _, ok := goja.AssertFunction(vu0.exports.Get("setup")); !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(r.ctx, r.timeout(r.opts.SetupTimeout, time.Minute))
	defer cancel()
	vu0.SetIteration(r.stageIteration("setup"), r.baseTags(nil))
	ret, err := vu0.callExport(ctx, "setup")
	if err != nil {
		if ctx.Err() != nil && r.ctx.Err() == nil {
			return scriptError("setup", 0, 0, errors.New("setup() execution timed out"))
		}
		return scriptError("setup", 0, 0, err)
	}
	if ret == nil || goja.IsUndefined(ret) {
		return nil
	}
	b, err := json.Marshal(ret.Export())
	if err != nil {
		return scriptError("setup", 0, 0, fmt.Errorf("error marshaling setup() data to JSON: %w", err))
	}
	r.setupJSON = string(b)
	return nil
}

// runTeardown runs teardown(data) in a fresh VU 0.
func (r *runner) runTeardown() error {
	if r.opts.NoTeardown {
		return nil
	}
	ctx, cancel := context.WithTimeout(r.parent, r.timeout(r.opts.TeardownTimeout, time.Minute))
	defer cancel()
	vu0, err := r.newVU(ctx, 0)
	if err != nil {
		return err
	}
	if _, ok := goja.AssertFunction(vu0.exports.Get("teardown")); !ok {
		return nil
	}
	vu0.SetIteration(r.stageIteration("teardown"), r.baseTags(nil))
	data, err := vu0.setupData(r.setupJSON)
	if err != nil {
		return scriptError("teardown", 0, 0, err)
	}
	if _, err := vu0.callExport(ctx, "teardown", data); err != nil {
		if ctx.Err() != nil && r.parent.Err() == nil {
			return scriptError("teardown", 0, 0, errors.New("teardown() execution timed out"))
		}
		return scriptError("teardown", 0, 0, err)
	}
	return nil
}

func (r *runner) timeout(d *duration, def time.Duration) time.Duration {
	if d == nil || *d <= 0 {
		return def
	}
	return time.Duration(*d)
}

// stageIteration is the pseudo-iteration of setup and teardown.
func (r *runner) stageIteration(name string) *vu.Iteration {
	return &vu.Iteration{
		Scenario: &vu.Scenario{Name: name, Executor: "", Start: time.Now(),
			Progress: func() float64 { return 0 }, IterationInTest: func() int64 { return 0 }},
		Started: time.Now(),
	}
}

// baseTags are the tags of every sample of a scenario: options.tags, the
// Go/CLI tags, the scenario's own tags and its name.
func (r *runner) baseTags(sc *scenarioConfig) *metrics.TagSet {
	t := r.registry.EmptyTags()
	for k, v := range r.opts.Tags {
		t = t.With(k, v)
	}
	if sc != nil {
		for k, v := range sc.Tags {
			t = t.With(k, v)
		}
		if r.settings.SystemTags["scenario"] {
			t = t.With("scenario", sc.Name)
		}
	}
	return t
}

// initVUs makes every VU the scenarios need, in parallel.
func (r *runner) initVUs() ([]*vuInstance, error) {
	var total int64
	for _, sc := range r.scenarios {
		total += sc.maxVUs()
	}
	vus := make([]*vuInstance, total)
	errs := make([]error, total)
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(int(total), 4)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= total || r.ctx.Err() != nil {
					return
				}
				vus[i], errs[i] = r.newVU(r.ctx, i+1)
				if errs[i] == nil {
					r.exec.vusInited.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := r.ctx.Err(); err != nil {
		return nil, context.Cause(r.ctx)
	}
	return vus, nil
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
}

// writeSummaryFile writes one handleSummary output that names a file.
func writeSummaryFile(path string, content []byte) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(path, content, 0o644)
}

// watchVUs emits vus_max once and vus every second, as k6 does, until stopped.
func (r *runner) watchVUs(total int64) (stop func()) {
	tags := r.baseTags(nil)
	emit := func(now time.Time) { r.builtin.VUs.Add(now, float64(r.exec.activeVUs.Load()), tags) }
	now := time.Now()
	r.builtin.VUsMax.Add(now, float64(total), tags)
	r.builtin.VUs.Add(now, float64(total), tags)
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
