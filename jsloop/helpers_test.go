package jsloop_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/jsloop"
)

// vu is a runtime with a loop, timers on the global object, a log(...)
// function that records its arguments joined by spaces, and captured warnings.
type vu struct {
	rt   *goja.Runtime
	loop *jsloop.Loop

	logged []string // loop goroutine only

	mu       sync.Mutex
	warnings []string
}

func newVU(t testing.TB, opts ...jsloop.Option) *vu {
	t.Helper()
	v := &vu{rt: goja.New()}
	opts = append([]jsloop.Option{jsloop.WithWarnf(v.warnf)}, opts...)
	v.loop = jsloop.New(v.rt, opts...)
	v.loop.SetTimers(v.rt.GlobalObject())
	must(t, v.rt.Set("log", func(call goja.FunctionCall) goja.Value {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = a.String()
		}
		v.logged = append(v.logged, strings.Join(parts, " "))
		return goja.Undefined()
	}))
	return v
}

func (v *vu) warnf(format string, args ...any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.warnings = append(v.warnings, fmt.Sprintf(format, args...))
}

func (v *vu) warned() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]string(nil), v.warnings...)
}

// run runs src as the first task of one Run.
func (v *vu) run(ctx context.Context, src string) error {
	return v.loop.Run(ctx, func() error {
		_, err := v.rt.RunString(src)
		return err
	})
}

// takeLog returns and forgets what log(...) recorded (call it between Runs).
func (v *vu) takeLog() []string {
	out := v.logged
	v.logged = nil
	return out
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
