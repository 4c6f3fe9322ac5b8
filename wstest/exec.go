package wstest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wsk6/wstest/internal/modules/execution"
	"github.com/wsk6/wstest/internal/vu"
)

// execState is the run-wide state that k6/execution reads and changes:
// the counters, the abort and the fail mark. It implements vu.Exec; its
// methods are safe to call from any goroutine.
type execState struct {
	start   time.Time
	cancel  context.CancelCauseFunc // cancels the run's context
	options func() any              // the consolidated options, once known
	onFail  func(reason string)     // logs k6's message at the call, if set

	stage       atomic.Value // string: "init", "setup", "teardown" while they run, "paused"
	iterations  atomic.Int64
	interrupted atomic.Int64
	activeVUs   atomic.Int64
	vusInited   atomic.Int64
	sockets     atomic.Int64

	abortOnce sync.Once
	mu        sync.Mutex // guards the fields below
	aborted   bool
	reason    string
	abortAt   string // the script's frame that called exec.test.abort
	failed    bool
	failWhy   string
}

// Abort implements vu.Exec (exec.test.abort).
func (e *execState) Abort(reason, at string) {
	e.mu.Lock()
	if !e.aborted {
		e.abortAt = at
	}
	e.mu.Unlock()
	e.abort(reason, &execution.AbortError{Reason: reason})
}

// abort ends the run early with cause; only the first call counts.
func (e *execState) abort(reason string, cause error) {
	e.abortOnce.Do(func() {
		e.mu.Lock()
		e.aborted, e.reason = true, reason
		e.mu.Unlock()
		e.cancel(cause)
	})
}

// Fail implements vu.Exec (exec.test.fail).
func (e *execState) Fail(reason string) {
	e.mu.Lock()
	e.failed, e.failWhy = true, reason
	e.mu.Unlock()
	if e.onFail != nil {
		e.onFail(reason)
	}
}

// Options implements vu.Exec.
func (e *execState) Options() any {
	if e.options == nil {
		return map[string]any{}
	}
	return e.options()
}

// Instance implements vu.Exec.
func (e *execState) Instance() vu.InstanceInfo {
	return vu.InstanceInfo{
		IterationsCompleted:    e.iterations.Load(),
		IterationsInterrupted:  e.interrupted.Load(),
		VUsActive:              e.activeVUs.Load(),
		VUsInitialized:         e.vusInited.Load(),
		CurrentTestRunDuration: time.Since(e.start),
	}
}

// NextSocketID implements vu.Exec.
func (e *execState) NextSocketID() int64 { return e.sockets.Add(1) }

// abortState returns whether the run was aborted and why.
func (e *execState) abortState() (bool, string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.aborted, e.reason
}

// abortError is the error of a run ended by exec.test.abort(), in k6's
// words: "test aborted: REASON at default (abort.js:4:9(12))".
func (e *execState) abortError() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var b strings.Builder
	if e.reason != "" {
		b.WriteString(": " + e.reason)
	}
	if e.abortAt != "" {
		b.WriteString(" at " + defaultNames("at " + e.abortAt)[len("at "):])
	}
	return fmt.Errorf("%w%s", ErrAborted, b.String())
}

// failState returns whether the script marked the run failed and why.
func (e *execState) failState() (bool, string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.failed, e.failWhy
}

func isAbort(err error) bool {
	var ab *execution.AbortError
	return errors.As(err, &ab)
}
