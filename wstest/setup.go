package wstest

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/vu"
)

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
	defer r.emitNetwork(vu0)
	ret, err := vu0.callExport(ctx, "setup")
	if err != nil {
		if ctx.Err() != nil && r.ctx.Err() == nil {
			return scriptError("setup", 0, 0, errSetupTimeout)
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
	defer r.emitNetwork(vu0)
	data, err := vu0.setupData(r.setupJSON)
	if err != nil {
		return scriptError("teardown", 0, 0, err)
	}
	if _, err := vu0.callExport(ctx, "teardown", data); err != nil {
		if ctx.Err() != nil && r.parent.Err() == nil {
			return scriptError("teardown", 0, 0, errTeardownTimeout)
		}
		return scriptError("teardown", 0, 0, err)
	}
	return nil
}

func (r *runner) timeout(d *options.Duration, def time.Duration) time.Duration {
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

// emitNetwork records what setup() or teardown() sent and received, even
// when it threw: k6 counts their bytes in data_sent and data_received,
// so a run whose setup() failed still has its NETWORK section.
func (r *runner) emitNetwork(v *vuInstance) {
	sent, received := v.ByteCounter().Take()
	end, tags, md := time.Now(), v.Tags(), v.Metadata()
	r.builtin.DataSent.AddWithMetadata(end, float64(sent), tags, md)
	r.builtin.DataReceived.AddWithMetadata(end, float64(received), tags, md)
}
