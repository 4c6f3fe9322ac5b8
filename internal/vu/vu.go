package vu

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/http/cookiejar"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/jsloop"
)

// Level is a console log level.
type Level int

// Log levels, in k6's order.
const (
	LevelDebug Level = iota
	LevelInfo
	LevelWarn
	LevelError
)

// String returns the level's name as k6 prints it.
func (l Level) String() string {
	switch l {
	case LevelDebug:
		return "debug"
	case LevelInfo:
		return "info"
	case LevelWarn:
		return "warning"
	default:
		return "error"
	}
}

// Shared is what every VU of a run shares. It is read-only once the run has
// started; its funcs are safe to call from any goroutine.
type Shared struct {
	Registry *metrics.Registry
	Builtin  *metrics.Builtins
	// Log receives console output and warnings.
	Log func(vuID int64, level Level, msg string)
	// Event receives every WebSocket event.
	Event func(Event)
	// Dial makes the network connections of WebSockets (hosts mapping, fixture
	// redirection and in-memory handlers are applied by it). useTLS says
	// whether the caller will run TLS over the connection (wss).
	Dial func(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error)
	// TLS is the client TLS configuration (cloned before use).
	TLS *tls.Config
	// UserAgent is the default User-Agent header.
	UserAgent string
	// SystemTags lists the enabled system tags (k6's systemTags option).
	SystemTags map[string]bool
	// Throw makes metric add() errors throw instead of warn (k6's throw option).
	Throw bool
	// NoCookiesReset keeps the VU's cookie jar across iterations.
	NoCookiesReset bool
	// NextSocketID numbers sockets across the run.
	NextSocketID atomic.Int64
	// Exec answers k6/execution's questions about the run.
	Exec ExecInfo
	// Check records one check outcome under its group path.
	Check func(group, name string, pass bool)
	// Group records that a group path was entered.
	Group func(path string)
	// TimeScale shortens sleep() like the loop's timers (1 = real time).
	TimeScale float64
}

// ExecInfo is the run-wide part of k6/execution.
type ExecInfo interface {
	// Abort stops the whole run (exec.test.abort).
	Abort(reason string)
	// Fail marks the run failed and lets it go on (exec.test.fail).
	Fail(reason string)
	// Options returns the consolidated options as a JSON-like value.
	Options() any
	// Instance returns the instance counters.
	Instance() InstanceInfo
}

// InstanceInfo is exec.instance.
type InstanceInfo struct {
	IterationsCompleted, IterationsInterrupted int64
	VUsActive, VUsInitialized                  int64
	CurrentTestRunDuration                     time.Duration
}

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
	Shared  *Shared

	iter    *Iteration
	tags    *metrics.TagSet // scenario, global and vu tags, without group
	group   string
	current *metrics.TagSet // tags plus group, rebuilt when either changes
	jar     http.CookieJar
	counter *metrics.ByteCounter
}

// New makes a VU; it is in the init stage until the first SetIteration.
func New(id int64, rt *goja.Runtime, loop *jsloop.Loop, shared *Shared) *VU {
	jar, _ := cookiejar.New(nil)
	return &VU{ID: id, Runtime: rt, Loop: loop, Shared: shared, jar: jar,
		counter: &metrics.ByteCounter{}, tags: shared.Registry.EmptyTags()}
}

// InInit reports whether the VU is running init code (no iteration yet).
func (v *VU) InInit() bool { return v.iter == nil }

// Iteration returns the current iteration, or nil in init.
func (v *VU) Iteration() *Iteration { return v.iter }

// SetIteration enters an iteration with the given base tags.
func (v *VU) SetIteration(it *Iteration, tags *metrics.TagSet) {
	v.iter = it
	v.tags = tags
	v.group = ""
	v.current = nil
	if !v.Shared.NoCookiesReset {
		v.jar, _ = cookiejar.New(nil)
	}
}

// Context is the context of the running iteration (the loop's run context).
func (v *VU) Context() context.Context { return v.Loop.Context() }

// Tags returns the tags for a sample taken now: the base tags plus group.
func (v *VU) Tags() *metrics.TagSet {
	if v.current == nil {
		v.current = v.tags.With("group", v.group)
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

// CookieJar returns the VU's default cookie jar.
func (v *VU) CookieJar() http.CookieJar { return v.jar }

// ByteCounter counts the bytes of this VU's connections.
func (v *VU) ByteCounter() *metrics.ByteCounter { return v.counter }

// Logf logs a message of this VU.
func (v *VU) Logf(level Level, format string, args ...any) {
	v.Shared.Log(v.ID, level, fmt.Sprintf(format, args...))
}

// Push adds a sample unless the iteration's context is done (k6 drops
// samples of interrupted iterations).
func (v *VU) Push(m *metrics.Metric, t time.Time, value float64, tags *metrics.TagSet) {
	if v.iter != nil && v.Loop.Context().Err() != nil {
		return
	}
	m.Add(t, value, tags)
}
