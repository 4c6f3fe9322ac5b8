package wstest

import (
	"fmt"
	"sort"
	"time"

	"github.com/wsk6/wstest/internal/vu"
)

// Result is everything that happened in a run that did happen.
type Result struct {
	// Events is every WebSocket event of every socket, in the order they
	// were dispatched.
	Events []Event
	// Metrics holds every metric that was registered, by name.
	Metrics map[string]*Metric
	// Checks lists every check by group and name, in order of first use.
	Checks []Check
	// Thresholds lists every threshold with its outcome.
	Thresholds []Threshold
	// Logs is the console output and the warnings of the run.
	Logs []LogEntry
	// Errors lists the exceptions that ended iterations (they do not fail
	// the run by themselves, as in k6).
	Errors []ScriptError
	// EventsNotKept counts the events past the event limit, and
	// SamplesNotKept the samples past the sample limit: a long run keeps a
	// bounded amount (see WithEventLimit and WithSampleLimit). Metrics and
	// their aggregates count everything either way.
	EventsNotKept  int64
	SamplesNotKept int64
	// Iterations counts the iterations that ran to their end.
	Iterations int64
	// Duration is how long the run took, setup and teardown included.
	Duration time.Duration
	// Aborted is set when exec.test.abort() or a threshold with abortOnFail
	// stopped the run; AbortReason says why.
	Aborted     bool
	AbortReason string
	// MarkedFailed is set when the script called exec.test.fail().
	MarkedFailed bool
	FailReason   string
	// SummaryOutputs is what handleSummary returned, by destination
	// ("stdout", "stderr" or a file path); file paths are already written.
	SummaryOutputs map[string][]byte

	summaries map[string]string // by mode
	export    []byte
}

// Summary returns k6's end-of-test text summary in compact mode.
func (r *Result) Summary() string { return r.SummaryMode("compact") }

// SummaryMode returns the text summary in "compact" or "full" mode.
func (r *Result) SummaryMode(mode string) string {
	return r.summaries[mode]
}

// Metric returns the metric called name, or nil.
func (r *Result) Metric(name string) *Metric { return r.Metrics[name] }

// MetricNames returns the names of all metrics, sorted.
func (r *Result) MetricNames() []string {
	names := make([]string, 0, len(r.Metrics))
	for n := range r.Metrics {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ThresholdsPassed reports whether every threshold passed.
func (r *Result) ThresholdsPassed() bool {
	for _, t := range r.Thresholds {
		if !t.OK {
			return false
		}
	}
	return true
}

// ExitCode is the exit code k6 would end this run with: 0, 99 (a threshold
// failed), 108 (aborted by the script) or 110 (marked failed); with
// WithK6Strict, 107 when the script relied on a wstest-only behaviour in an
// iteration (k6 would have thrown there).
func (r *Result) ExitCode() int {
	switch {
	case r.notPortable():
		return ExitScriptException
	case r.Aborted && r.abortedByThreshold():
		return ExitThresholdsFailed
	case r.Aborted:
		return ExitScriptAborted
	case !r.ThresholdsPassed():
		return ExitThresholdsFailed
	case r.MarkedFailed:
		return ExitMarkedFailed
	}
	return ExitOK
}

// notPortable reports whether strict mode threw in an iteration.
func (r *Result) notPortable() bool {
	for _, e := range r.Errors {
		if e.NotPortable {
			return true
		}
	}
	return false
}

func (r *Result) abortedByThreshold() bool {
	for _, t := range r.Thresholds {
		if !t.OK && t.AbortOnFail {
			return true
		}
	}
	return false
}

// Event is one WebSocket event as a socket saw it, of either WebSocket
// module: VU, Iteration and Socket (numbered from 1 in the run) say whose it
// is; Type is open, message, error, close, ping or pong; Data and Binary
// carry a message; Code, Reason and WasClean a close; Error and Status an
// error (Status is the HTTP status of a failed handshake).
type Event = vu.Event

// Check is one check's outcome over the whole run.
type Check struct {
	Name string
	// Group is the group path the check ran in ("" at the root, "::a::b").
	Group  string
	Passes int64
	Fails  int64
}

// Threshold is one threshold expression and its outcome.
type Threshold struct {
	// Metric is the metric, with its submetric selector if any:
	// "ws_connecting" or "checks{check:open}".
	Metric      string
	Expression  string
	OK          bool
	AbortOnFail bool
	// Value is the aggregate the expression compared, in the metric's
	// own unit (milliseconds for time trends); HasValue is false when the
	// engine had no value to compare, and then the threshold passes, as
	// in k6.
	Value    float64
	HasValue bool
	// Measured is Value as k6's summary shows it, after the aggregation's
	// name: "p(95)=441.12µs", "rate=50.00%"; "" without a value.
	Measured string
}

// String renders the threshold as k6's summary lists it:
// "ws_connecting 'p(95)<100' p(95)=441.12µs", ✓ or ✗ first.
func (t Threshold) String() string {
	mark := "✓"
	if !t.OK {
		mark = "✗"
	}
	s := fmt.Sprintf("%s %s '%s'", mark, t.Metric, t.Expression)
	if t.Measured != "" {
		s += " " + t.Measured
	}
	return s
}

// LogEntry is one console line or warning.
type LogEntry struct {
	Time time.Time
	// Level is debug, info, warning or error.
	Level   string
	VU      int64
	Message string
	// Source is "console" for the script's console output, "http-debug"
	// for the httpDebug option's dumps, "stacktrace" for an exception
	// that ended an iteration (Stack, Scenario and Executor then say
	// where; k6 logs them as fields), and "" for the run's own warnings
	// and errors.
	Source   string
	Stack    string
	Scenario string
	Executor string
}

// String renders the entry like k6's console output.
func (l LogEntry) String() string {
	return fmt.Sprintf("level=%s vu=%d msg=%q", l.Level, l.VU, l.Message)
}

// SummaryExport returns the run's summary in k6's --summary-export JSON format.
func (r *Result) SummaryExport() []byte {
	if r.export == nil {
		return []byte("{}\n")
	}
	return append([]byte(nil), r.export...)
}
