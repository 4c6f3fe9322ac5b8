package vu

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"

	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/jsloop"
)

// Scenario is what k6/execution says of the scenario a VU runs in.
type Scenario struct {
	Name     string
	Executor string
	Start    time.Time
	// Progress returns the scenario's progress in [0, 1].
	Progress func() float64
	// IterationInTest returns the next global iteration number of the scenario.
	IterationInTest func() int64
}

// Iteration is the state of the iteration a VU is running.
type Iteration struct {
	Scenario         *Scenario
	Number           int64 // __ITER: per VU, across scenarios, from 0
	NumberInScenario int64
	NumberInTest     int64
	Started          time.Time
}

// VU is one virtual user: a runtime, its loop and its state.
type VU struct {
	ID      int64
	Runtime *goja.Runtime
	Loop    *jsloop.Loop
	// Settings are the run's; the runner may replace them on the VU that
	// reads the options, before any iteration runs.
	Settings *Settings
	Reporter Reporter
	Exec     Exec

	iter    *Iteration
	tags    *metrics.TagSet // scenario, global and vu tags, without group
	group   string
	current *metrics.TagSet  // tags plus group, rebuilt when either changes
	meta    metrics.Metadata // vu and iter, when those system tags are on
	jar     http.CookieJar
	counter *metrics.ByteCounter
	closers []func()
}

// New makes a VU; it is in the init stage until the first SetIteration.
func New(id int64, rt *goja.Runtime, loop *jsloop.Loop, s *Settings, r Reporter, e Exec) *VU {
	jar, _ := cookiejar.New(nil)
	return &VU{ID: id, Runtime: rt, Loop: loop, Settings: s, Reporter: r, Exec: e, jar: jar,
		counter: &metrics.ByteCounter{}, tags: s.Registry.EmptyTags()}
}

// InInit reports whether the VU is running init code (no iteration yet).
func (v *VU) InInit() bool { return v.iter == nil }

// Iteration returns the current iteration, or nil in init.
func (v *VU) Iteration() *Iteration { return v.iter }

// SetIteration enters an iteration with the given base tags.
func (v *VU) SetIteration(it *Iteration, tags *metrics.TagSet) {
	v.iter = it
	v.tags = tags
	v.meta = metrics.IterationMetadata(v.Settings.SystemTags, v.ID, it.Number)
	v.group = ""
	v.current = nil
	if !v.Settings.NoCookiesReset {
		v.jar, _ = cookiejar.New(nil)
	}
}

// Context is the context of the running iteration (the loop's run context).
func (v *VU) Context() context.Context { return v.Loop.Context() }

// Tags returns the tags for a sample taken now: the base tags plus group
// (when the group system tag is on).
func (v *VU) Tags() *metrics.TagSet {
	if v.current == nil {
		v.current = v.tags
		if v.Settings.SystemTags["group"] {
			v.current = v.tags.With("group", v.group)
		}
	}
	return v.current
}

// BaseTags returns the tags without group (exec.vu.tags).
func (v *VU) BaseTags() *metrics.TagSet { return v.tags }

// SetBaseTags replaces the base tags (exec.vu.tags writes).
func (v *VU) SetBaseTags(t *metrics.TagSet) { v.tags, v.current = t, nil }

// Group returns the current group path ("" at the root, "::a::b" nested).
func (v *VU) Group() string { return v.group }

// SetGroup sets the current group path.
func (v *VU) SetGroup(path string) { v.group, v.current = path, nil }

// OnClose registers f to run when the VU is done (Close): a module releases
// there what outlives iterations, such as idle connections.
func (v *VU) OnClose(f func()) { v.closers = append(v.closers, f) }

// Close runs the functions given to OnClose, once, in reverse order. The
// VU runs no JavaScript afterwards.
func (v *VU) Close() {
	for i := len(v.closers) - 1; i >= 0; i-- {
		v.closers[i]()
	}
	v.closers = nil
}

// CookieJar returns the VU's default cookie jar.
func (v *VU) CookieJar() http.CookieJar { return v.jar }

// ByteCounter counts the bytes of this VU's connections.
func (v *VU) ByteCounter() *metrics.ByteCounter { return v.counter }

// SourceIP is the address this VU's connections come from (localIPs), or
// nil when the system chooses.
func (v *VU) SourceIP() net.IP {
	if v.Settings.LocalIP == nil {
		return nil
	}
	return v.Settings.LocalIP(v.ID)
}

// Dial connects as this VU: through Settings.Dial, from its SourceIP.
func (v *VU) Dial(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error) {
	return v.Settings.Dial(ctx, network, addr, useTLS, v.SourceIP())
}

// Logf logs a message of this VU.
func (v *VU) Logf(level Level, format string, args ...any) {
	v.Reporter.Log(v.ID, level, fmt.Sprintf(format, args...))
}

// Push adds a sample unless the iteration's context is done (k6 drops
// samples of interrupted iterations).
func (v *VU) Push(m *metrics.Metric, t time.Time, value float64, tags *metrics.TagSet) {
	if v.iter != nil && v.Loop.Context().Err() != nil {
		return
	}
	m.AddWithMetadata(t, value, tags, v.meta)
}

// Metadata is what this iteration's samples carry besides their tags:
// vu and iter, when those system tags are on.
func (v *VU) Metadata() metrics.Metadata { return v.meta }
