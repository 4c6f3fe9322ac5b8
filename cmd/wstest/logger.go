package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// logger writes log lines as k6 does (spec/cli.md 5.3): logfmt text by
// default (`time="..." level=info msg="..." source=console`), one JSON
// object per line with --log-format json, the message only with raw.
type logger struct {
	mu      sync.Mutex // one line at a time
	w       io.Writer
	format  string // "", "json" or "raw"
	verbose bool   // debug lines shown
	now     func() time.Time
	// color: stderr is a terminal and colour is on: logrus's short
	// coloured form, `INFO[0003] msg   source=console`, seconds since start.
	color bool
	tty   bool // w is a terminal
	start time.Time
	// level, when set by --log-output's level=, is the lowest level written
	// (debug included without --verbose).
	level string
	// bars is the progress display, when it and the log are on one
	// terminal: a line is written above it, as k6 does.
	bars atomic.Pointer[progress]
	nano bool // --log-ns-timestamps: RFC 3339 with nanoseconds
}

// timestamp is a line's time field.
func (l *logger) timestamp() string {
	if l.nano {
		return l.now().Format(time.RFC3339Nano)
	}
	return l.now().Format(time.RFC3339)
}

// levelRank orders the log levels; -1 for a name that is not one.
func levelRank(level string) int {
	switch level {
	case "debug":
		return 0
	case "info":
		return 1
	case "warning", "warn":
		return 2
	case "error":
		return 3
	}
	return -1
}

// field is one extra key=value of a log line.
type field struct{ key, value string }

// log writes one line; debug lines only when verbose.
func (l *logger) log(level, msg string, fields ...field) {
	if l == nil || l.w == nil {
		return
	}
	if l.level != "" {
		if levelRank(level) < levelRank(l.level) {
			return
		}
	} else if level == "debug" && !l.verbose {
		return
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].key < fields[j].key })
	var line string
	switch {
	case l.format == "" && l.color:
		line = l.colored(level, msg, fields)
	case l.format == "raw":
		line = msg + "\n"
	case l.format == "json":
		obj := map[string]string{"level": level, "msg": msg, "time": l.timestamp()}
		for _, f := range fields {
			obj[f.key] = f.value
		}
		b, _ := json.Marshal(obj) // strings only: cannot fail
		line = string(b) + "\n"
	default:
		var b strings.Builder
		fmt.Fprintf(&b, "time=%s level=%s msg=%s", logfmtValue(l.timestamp()), level, logfmtValue(msg))
		for _, f := range fields {
			fmt.Fprintf(&b, " %s=%s", f.key, logfmtValue(f.value))
		}
		line = b.String() + "\n"
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if bars := l.bars.Load(); bars != nil {
		bars.above(l.w, line)
		return
	}
	_, _ = io.WriteString(l.w, line)
}

// colored is logrus's short coloured form of a line.
func (l *logger) colored(level, msg string, fields []field) string {
	color, tag := 36, "INFO"
	switch level {
	case "debug":
		color, tag = 37, "DEBU"
	case "warning":
		color, tag = 33, "WARN"
	case "error":
		color, tag = 31, "ERRO"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\x1b[%dm%s\x1b[0m[%04d] %-44s", color, tag, int(l.now().Sub(l.start).Seconds()), msg)
	for _, f := range fields {
		fmt.Fprintf(&b, " \x1b[%dm%s\x1b[0m=%s", color, f.key, logfmtValue(f.value))
	}
	return b.String() + "\n"
}

func (l *logger) errorf(format string, args ...any) { l.log("error", fmt.Sprintf(format, args...)) }
func (l *logger) warnf(format string, args ...any)  { l.log("warning", fmt.Sprintf(format, args...)) }

// logfmtValue quotes a value unless it is made only of letters, digits
// and -._/@^+ (logrus's text rule).
func logfmtValue(s string) string {
	if s == "" {
		return `""`
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._/@^+", r)) {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}

// syncWriter serializes writes to a stream shared by the summary, the
// progress display, log lines and outputs written to stdout.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p under the lock.
func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
