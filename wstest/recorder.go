package wstest

import (
	"sync"
	"time"

	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/vu"
)

// recorder keeps what a run's VUs report for its Result: events, logs,
// checks, groups and iteration errors. It implements vu.Reporter; its
// methods are safe to call from any goroutine.
type recorder struct {
	onLog      []func(LogEntry)
	eventLimit int64      // < 0: no limit
	outMu      sync.Mutex // serialises calls to onLog

	mu         sync.Mutex // guards everything below
	events     eventLog
	notKept    int64 // events past eventLimit
	logs       []LogEntry
	errs       []ScriptError
	checks     []*Check
	checkIndex map[[2]string]*Check
	groups     []string
}

func newRecorder(onLog []func(LogEntry), eventLimit int64) *recorder {
	return &recorder{onLog: onLog, eventLimit: eventLimit, checkIndex: map[[2]string]*Check{}}
}

// Event implements vu.Reporter.
func (r *recorder) Event(e vu.Event) {
	r.mu.Lock()
	if r.eventLimit < 0 || int64(r.events.n) < r.eventLimit {
		r.events.add(e)
	} else {
		r.notKept++
	}
	r.mu.Unlock()
}

// Log implements vu.Reporter; the log outputs are called one at a time, in
// order, whichever VU logs.
func (r *recorder) Log(vuID int64, level vu.Level, msg string) {
	r.LogFrom(vuID, level, "", msg)
}

// LogFrom implements vu.Reporter.
func (r *recorder) LogFrom(vuID int64, level vu.Level, source, msg string) {
	r.add(LogEntry{Time: time.Now(), Level: level.String(), VU: vuID, Message: msg, Source: source})
}

// add keeps a log entry and hands it to the log outputs.
func (r *recorder) add(e LogEntry) {
	r.mu.Lock()
	r.logs = append(r.logs, e)
	r.mu.Unlock()
	r.outMu.Lock()
	defer r.outMu.Unlock()
	for _, f := range r.onLog {
		f(e)
	}
}

// Check implements vu.Reporter.
func (r *recorder) Check(group, name string, pass bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	key := [2]string{group, name}
	c, ok := r.checkIndex[key]
	if !ok {
		c = &Check{Name: name, Group: group}
		r.checkIndex[key] = c
		r.checks = append(r.checks, c)
	}
	if pass {
		c.Passes++
	} else {
		c.Fails++
	}
}

// Group implements vu.Reporter.
func (r *recorder) Group(path string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, g := range r.groups {
		if g == path {
			return
		}
	}
	r.groups = append(r.groups, path)
}

// iterationError logs an exception that ended an iteration of scenario
// sc (nil outside scenarios) and keeps it.
func (r *recorder) iterationError(se *ScriptError, sc *options.Scenario) {
	e := LogEntry{Time: time.Now(), Level: vu.LevelError.String(), VU: se.VU, Message: se.Error(),
		Source: "stacktrace", Stack: se.Stack}
	if sc != nil {
		e.Scenario, e.Executor = sc.Name, sc.Executor
	}
	r.add(e)
	r.mu.Lock()
	r.errs = append(r.errs, *se)
	r.mu.Unlock()
}

// snapshot copies what was recorded into res.
func (r *recorder) snapshot(res *Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	res.Events = r.events.all()
	res.EventsNotKept = r.notKept
	res.Logs = append([]LogEntry(nil), r.logs...)
	res.Errors = append([]ScriptError(nil), r.errs...)
	res.Checks = make([]Check, len(r.checks))
	for i, c := range r.checks {
		res.Checks[i] = *c
	}
}

// eventsSoFar returns a copy of the events recorded so far.
func (r *recorder) eventsSoFar() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.events.all()
}

// logsSoFar returns a copy of the log lines recorded so far.
func (r *recorder) logsSoFar() []LogEntry {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]LogEntry(nil), r.logs...)
}

// checksAndGroups returns copies of the checks and group paths, in first-seen order.
func (r *recorder) checksAndGroups() ([]Check, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	checks := make([]Check, len(r.checks))
	for i, c := range r.checks {
		checks[i] = *c
	}
	return checks, append([]string(nil), r.groups...)
}
