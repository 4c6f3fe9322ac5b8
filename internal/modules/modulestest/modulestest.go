// Package modulestest runs a script against the JavaScript modules of one
// VU without the wstest runner: one runtime, its event loop, the import
// table, and a reporter that keeps what the modules report. It is how a
// module's own tests run it, on real sockets and real servers.
//
// Use New for a VU, Run for a script's init code and one iteration of its
// default function, then read Events, Logs, Checks and Metric.
package modulestest

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/modules"
	"github.com/wsk6/wstest/internal/vu"
	"github.com/wsk6/wstest/jsloop"
)

// VU is one virtual user for a module test.
type VU struct {
	*vu.VU
	t   testing.TB
	rec *recorder
	ex  *exec
	env map[string]string
}

// Option changes the VU New makes.
type Option func(*VU)

// WithEnv sets __ENV[key] = value.
func WithEnv(key, value string) Option { return func(v *VU) { v.env[key] = value } }

// WithTLS sets the client TLS configuration (for wss:// to a test server).
func WithTLS(cfg *tls.Config) Option { return func(v *VU) { v.Settings.TLS = cfg } }

// WithSettings lets a test change any other setting.
func WithSettings(f func(*vu.Settings)) Option { return func(v *VU) { f(v.Settings) } }

// New makes a VU with ID 1, a fresh metrics registry with k6's built-in
// metrics, a plain network dialer and the whole import table.
func New(t testing.TB, opts ...Option) *VU {
	t.Helper()
	reg := metrics.NewRegistry()
	builtin, err := metrics.RegisterBuiltins(reg)
	if err != nil {
		t.Fatalf("modulestest: %v", err)
	}
	var dialer net.Dialer
	settings := &vu.Settings{
		Registry: reg, Builtin: builtin, TimeScale: 1,
		Dial: func(ctx context.Context, network, addr string, _ bool, _ net.IP) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
		TLS:            &tls.Config{MinVersion: tls.VersionTLS12},
		UserAgent:      "wstest-modulestest",
		Shared:         vu.NewSharedStore(),
		MaxMessageSize: vu.DefaultMaxMessageSize,
		ReceiveBacklog: vu.DefaultReceiveBacklog,
		SystemTags:     map[string]bool{"proto": true, "subproto": true, "status": true, "url": true, "name": true, "group": true, "check": true, "error": true, "method": true, "scenario": true, "expected_response": true},
	}
	rt := goja.New()
	rec := &recorder{}
	ex := &exec{}
	h := &VU{t: t, rec: rec, ex: ex, env: map[string]string{}}
	loop := jsloop.New(rt, jsloop.WithWarnf(func(format string, args ...any) {
		rec.Log(1, vu.LevelWarn, fmt.Sprintf(format, args...))
	}))
	h.VU = vu.New(1, rt, loop, settings, rec, ex)
	t.Cleanup(h.Close)
	for _, o := range opts {
		o(h)
	}
	return h
}

// Run loads src as the ES module "test.js", runs its init code and then
// its default export once as iteration 0, and returns the exception that
// ended either (nil when both ran to their end).
func (h *VU) Run(ctx context.Context, src string) error {
	h.t.Helper()
	b, err := bundle.Load("test.js", []byte(src), bundle.Options{})
	if err != nil {
		return err
	}
	modules.InstallGlobals(h.VU)
	g := h.Runtime.GlobalObject()
	env := h.Runtime.NewObject()
	for k, val := range h.env {
		_ = env.Set(k, val)
	}
	_ = g.Set("__ENV", env)
	_ = g.Set("__VU", h.ID)
	inst, err := b.Instantiate(h.Runtime, modules.Natives(h.VU), h.InInit)
	if err != nil {
		return err
	}
	var exports *goja.Object
	if err := h.Loop.Run(ctx, func() error {
		var e error
		exports, e = inst.Init()
		return e
	}); err != nil {
		return err
	}
	fn, ok := goja.AssertFunction(exports.Get("default"))
	if !ok {
		return fmt.Errorf("test.js has no default export")
	}
	sc := &vu.Scenario{Name: "default", Executor: "per-vu-iterations",
		Progress: func() float64 { return 0 }, IterationInTest: func() int64 { return 0 }}
	h.SetIteration(&vu.Iteration{Scenario: sc}, h.Settings.Registry.EmptyTags())
	_ = h.Runtime.Set("__ITER", 0)
	return h.Loop.Run(ctx, func() error {
		_, e := fn(goja.Undefined())
		return e
	})
}

// Eval runs a script of the imports given and a default function that
// evaluates expr, and returns expr's value as JSON text ("undefined" when
// it has none) or the exception of the init code or the iteration.
// `bytes(ab)` turns an ArrayBuffer into an array of numbers in expr.
func (h *VU) Eval(ctx context.Context, imports, expr string) (string, error) {
	h.t.Helper()
	err := h.Run(ctx, imports+`
const bytes = (ab) => Array.from(new Uint8Array(ab));
export default function () { globalThis.got = JSON.stringify(`+expr+`); }
`)
	if err != nil {
		return "", err
	}
	got := h.Runtime.Get("got")
	if got == nil || goja.IsUndefined(got) {
		return "undefined", nil
	}
	return got.String(), nil
}

// Events returns the WebSocket events reported so far.
func (h *VU) Events() []vu.Event {
	h.rec.mu.Lock()
	defer h.rec.mu.Unlock()
	return append([]vu.Event(nil), h.rec.events...)
}

// Logs returns the console lines and warnings so far, as "level: message".
func (h *VU) Logs() []string {
	h.rec.mu.Lock()
	defer h.rec.mu.Unlock()
	return append([]string(nil), h.rec.logs...)
}

// Checks returns each check's outcomes so far, by name, as passes and fails.
func (h *VU) Checks() map[string][2]int {
	h.rec.mu.Lock()
	defer h.rec.mu.Unlock()
	out := make(map[string][2]int, len(h.rec.checks))
	for k, c := range h.rec.checks {
		out[k] = c
	}
	return out
}

// Metric returns the metric called name (nil when not registered).
func (h *VU) Metric(name string) *metrics.Metric { return h.Settings.Registry.Get(name) }

// Aborted returns the reason given to exec.test.abort, if it was called.
func (h *VU) Aborted() (string, bool) {
	r, ok := h.ex.aborted.Load().(string)
	return r, ok
}

// recorder keeps what the modules report.
type recorder struct {
	mu     sync.Mutex
	events []vu.Event
	logs   []string
	checks map[string][2]int
}

func (r *recorder) Event(e vu.Event) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

func (r *recorder) Check(_, name string, pass bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.checks == nil {
		r.checks = map[string][2]int{}
	}
	c := r.checks[name]
	if pass {
		c[0]++
	} else {
		c[1]++
	}
	r.checks[name] = c
}

func (r *recorder) Group(string) {}

func (r *recorder) Log(_ int64, level vu.Level, msg string) {
	r.mu.Lock()
	r.logs = append(r.logs, level.String()+": "+msg)
	r.mu.Unlock()
}

func (r *recorder) LogFrom(id int64, level vu.Level, _, msg string) { r.Log(id, level, msg) }

// exec is a run of one VU and one iteration.
type exec struct {
	sockets atomic.Int64
	aborted atomic.Value
}

func (e *exec) Abort(reason, _ string)    { e.aborted.Store(reason) }
func (e *exec) Fail(string)               {}
func (e *exec) Options() any              { return map[string]any{} }
func (e *exec) Instance() vu.InstanceInfo { return vu.InstanceInfo{VUsActive: 1, VUsInitialized: 1} }
func (e *exec) NextSocketID() int64       { return e.sockets.Add(1) }
