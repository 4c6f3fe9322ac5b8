package vu

import "time"

// Reporter receives what the VUs of a run tell about it: WebSocket events,
// check outcomes, groups and log lines. A run records them for its result.
// Its methods are safe to call from any goroutine.
type Reporter interface {
	// Event records one WebSocket event.
	Event(Event)
	// Check records one check outcome under its group path.
	Check(group, name string, pass bool)
	// Group records that a group path was entered.
	Group(path string)
	// Log records a console line or a warning of VU vuID (0 outside VUs).
	Log(vuID int64, level Level, msg string)
	// LogFrom records a log line that k6 tags with another source than the
	// console ("http-debug").
	LogFrom(vuID int64, level Level, source, msg string)
}

// Exec is the run-wide state a VU can read or act on: k6/execution's
// questions and commands, and the numbering of sockets. Its methods are
// safe to call from any goroutine.
type Exec interface {
	// Abort stops the whole run (exec.test.abort). at is where the script
	// called it, as a stack frame: "default (abort.js:4:9(12))"; empty
	// when unknown.
	Abort(reason, at string)
	// Fail marks the run failed and lets it go on (exec.test.fail).
	Fail(reason string)
	// Options returns the consolidated options as a JSON-like value.
	Options() any
	// Instance returns the instance counters.
	Instance() InstanceInfo
	// NextSocketID numbers the sockets of the run, from 1.
	NextSocketID() int64
}

// InstanceInfo is exec.instance.
type InstanceInfo struct {
	IterationsCompleted, IterationsInterrupted int64
	VUsActive, VUsInitialized                  int64
	CurrentTestRunDuration                     time.Duration
}
