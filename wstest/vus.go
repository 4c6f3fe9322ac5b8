package wstest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/executor"
	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules"
	"github.com/wsk6/wstest/internal/vu"
	"github.com/wsk6/wstest/jsloop"
)

// vuInstance is a VU with its script initialised.
type vuInstance struct {
	*vu.VU
	exports *goja.Object
	data    goja.Value // setup data, decoded once per VU
	iters   int64      // __ITER of the next iteration
}

// newVU makes a runtime, its loop and modules, and runs the init code.
func (r *runner) newVU(ctx context.Context, id int64) (*vuInstance, error) {
	rt := goja.New()
	if r.cfg.seed != nil {
		src := rand.New(rand.NewSource(*r.cfg.seed*1_000_003 + id))
		rt.SetRandSource(src.Float64)
	}
	loopOpts := []jsloop.Option{jsloop.WithWarnf(func(format string, args ...any) {
		r.rec.Log(id, vu.LevelWarn, fmt.Sprintf(format, args...))
	})}
	if r.cfg.timeScale > 0 && r.cfg.timeScale != 1 {
		loopOpts = append(loopOpts, jsloop.WithTimeScale(r.cfg.timeScale))
	}
	loop := jsloop.New(rt, loopOpts...)
	v := vu.New(id, rt, loop, r.settings, r.rec, r.exec)
	r.track(v)
	modules.InstallGlobals(v)
	g := rt.GlobalObject()
	_ = g.Set("__VU", id)
	_ = g.Set("__ENV", r.envObject(rt))
	_ = g.Set("global", g)

	inst, err := r.bundle.Instantiate(rt, modules.Natives(v), v.InInit)
	if err != nil {
		return nil, scriptError("init", id, 0, err)
	}
	var exports *goja.Object
	err = loop.Run(ctx, func() error {
		var e error
		exports, e = inst.Init()
		return e
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		se := scriptError("init", id, 0, err)
		var bad *metrics.NameError
		if errors.As(err, &bad) {
			// k6 treats an invalid metric name as invalid configuration.
			return nil, &ConfigError{Err: se}
		}
		return nil, se
	}
	return &vuInstance{VU: v, exports: exports}, nil
}

func (r *runner) envObject(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	for k, val := range r.env {
		_ = o.Set(k, val)
	}
	return o
}

// initVUs makes the VUs the plan runs at once at most
// (executor.PlannedVUs), in parallel, into the run's pool, from which each
// scenario takes its VUs when it starts and to which it returns them when
// it ends: scenarios that run one after another share their VUs, as in k6.
func (r *runner) initVUs() error {
	total := int64(executor.PlannedVUs(r.scenarios))
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
			return err
		}
	}
	if err := r.ctx.Err(); err != nil {
		return context.Cause(r.ctx)
	}
	r.lastVUID.Store(total)
	r.idle.put(vus...)
	return nil
}

// vuPool holds the VUs no scenario is using, oldest first.
type vuPool struct {
	mu   sync.Mutex
	idle []*vuInstance
}

// get takes the VU that has waited longest, nil when none is idle.
func (p *vuPool) get() *vuInstance {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) == 0 {
		return nil
	}
	v := p.idle[0]
	p.idle[0] = nil
	p.idle = p.idle[1:]
	return v
}

// put returns VUs to the pool; nil ones are skipped.
func (p *vuPool) put(vs ...*vuInstance) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, v := range vs {
		if v != nil {
			p.idle = append(p.idle, v)
		}
	}
}

// takeVU gives a scenario an idle VU, or makes one more when none is idle
// (a scenario ran late, or an arrival-rate scenario needs more). A new
// VU's id follows every VU made so far, as k6 numbers the VUs it makes
// mid-test.
func (r *runner) takeVU(ctx context.Context) (*vuInstance, error) {
	if v := r.idle.get(); v != nil {
		return v, nil
	}
	v, err := r.newVU(ctx, r.lastVUID.Add(1))
	if err != nil {
		return nil, err
	}
	r.exec.vusInited.Add(1)
	return v, nil
}

// takeVUs fills the scenario's first InitialVUs slots when it starts.
func (s *scenarioRun) takeVUs(ctx context.Context) error {
	for slot := range executor.InitialVUs(s.ex.Scenario()) {
		if err := s.addVU(ctx, slot); err != nil {
			return err
		}
	}
	return nil
}

// addVU readies the VU of slot of the scenario s: at its start, and for an
// arrival-rate scenario that found no free VU during the run. A failure is
// reported as the run's error and the slot stays empty.
func (s *scenarioRun) addVU(ctx context.Context, slot int) error {
	v, err := s.r.takeVU(ctx)
	if err != nil {
		var se *ScriptError
		if ctx.Err() == nil && errors.As(err, &se) {
			s.r.rec.iterationError(se, s.ex.Scenario())
		}
		return err
	}
	s.vus[slot] = v // handed to the slot's iterations through the executor's pool
	return nil
}

// setupData decodes the setup() result once per VU.
func (vi *vuInstance) setupData(raw string) (goja.Value, error) {
	if vi.data != nil {
		return vi.data, nil
	}
	if raw == "" {
		vi.data = goja.Undefined()
		return vi.data, nil
	}
	var parsed goja.Value
	parse, _ := goja.AssertFunction(vi.Runtime.Get("JSON").ToObject(vi.Runtime).Get("parse"))
	parsed, err := parse(goja.Undefined(), vi.Runtime.ToValue(raw))
	if err != nil {
		return nil, err
	}
	vi.data = parsed
	return parsed, nil
}

// callExport runs an exported function as the first task of the VU's loop
// and returns what it returned (a settled promise's value for async ones).
func (vi *vuInstance) callExport(ctx context.Context, name string, args ...goja.Value) (goja.Value, error) {
	fn, ok := goja.AssertFunction(vi.exports.Get(name))
	if !ok {
		return nil, fmt.Errorf("function %q not found in exports", name)
	}
	var ret goja.Value
	err := vi.Loop.Run(ctx, func() error {
		var e error
		ret, e = fn(goja.Undefined(), args...)
		return e
	})
	if err != nil {
		return nil, err
	}
	if p, ok := ret.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return p.Result(), nil
		case goja.PromiseStateRejected:
			return nil, fmt.Errorf("%s() rejected: %s", name, p.Result().String())
		default:
			return goja.Undefined(), nil
		}
	}
	return ret, nil
}
