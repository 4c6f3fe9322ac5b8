package wstest

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/wsk6/wstest/internal/modules/execution"
	"github.com/wsk6/wstest/internal/vu"
)

// execInfo answers k6/execution for the runner.
type execInfo runner

func (e *execInfo) Abort(reason string) {
	(*runner)(e).abort(reason, &execution.AbortError{Reason: reason})
}

func (e *execInfo) Fail(reason string) {
	r := (*runner)(e)
	r.mu.Lock()
	r.failed, r.failReason = true, reason
	r.mu.Unlock()
}

// Options returns the consolidated options as exec.test.options shows
// them: the options.Options keys, with scenarios as derived.
func (e *execInfo) Options() any {
	r := (*runner)(e)
	out := map[string]any{}
	if r.opts == nil {
		return out
	}
	b, _ := json.Marshal(r.opts) // plain data: cannot fail
	_ = json.Unmarshal(b, &out)
	scenarios := map[string]any{}
	for _, sc := range r.scenarios {
		var m map[string]any
		b, _ := json.Marshal(sc)
		_ = json.Unmarshal(b, &m)
		scenarios[sc.Name] = m
	}
	out["scenarios"] = scenarios
	return out
}

func (e *execInfo) Instance() vu.InstanceInfo {
	r := (*runner)(e)
	return vu.InstanceInfo{
		IterationsCompleted:    r.iterations.Load(),
		IterationsInterrupted:  r.interrupted.Load(),
		VUsActive:              r.activeVUs.Load(),
		VUsInitialized:         r.vusInited.Load(),
		CurrentTestRunDuration: time.Since(r.start),
	}
}

func isAbort(err error) bool {
	var ab *execution.AbortError
	return errors.As(err, &ab)
}
