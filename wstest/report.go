package wstest

import (
	"errors"
	"fmt"
	"strings"
)

// maxReported is how many exceptions Report lists.
const maxReported = 10

// Report describes what went wrong in the run: aborts, failed thresholds
// with the value they measured (in k6's form, "p(95)=441.12µs"), failed
// checks and iteration exceptions with their JavaScript stack. It is empty
// for a clean run.
func (r *Result) Report() string {
	var b strings.Builder
	if r.Aborted {
		fmt.Fprintf(&b, "run aborted: %s\n", r.AbortReason)
	}
	if r.MarkedFailed {
		fmt.Fprintf(&b, "run marked failed: %s\n", r.FailReason)
	}
	for _, t := range r.Thresholds {
		if !t.OK {
			fmt.Fprintf(&b, "threshold failed: %s '%s'", t.Metric, t.Expression)
			if t.Measured != "" {
				b.WriteString(" " + t.Measured)
			}
			b.WriteByte('\n')
		}
	}
	for _, c := range r.Checks {
		if c.Fails > 0 {
			name := c.Name
			if c.Group != "" {
				name = c.Group + "::" + c.Name
			}
			fmt.Fprintf(&b, "check failed: %q %d of %d failed\n", name, c.Fails, c.Passes+c.Fails)
		}
	}
	writeExceptions(&b, r.Errors)
	return b.String()
}

// writeExceptions lists the first exceptions, each with its stack the first
// time its text appears, then how many more there were.
func writeExceptions(b *strings.Builder, errs []ScriptError) {
	seen := map[string]bool{}
	for i, e := range errs {
		if i == maxReported {
			fmt.Fprintf(b, "... and %d more exceptions\n", len(errs)-maxReported)
			return
		}
		text := e.Error()
		fmt.Fprintf(b, "exception in vu %d iteration %d: %s\n", e.VU, e.Iteration, text)
		if seen[text] {
			continue
		}
		seen[text] = true
		writeStack(b, e)
	}
}

// writeStack writes the exception's frames, one a line after a tab, then,
// when a library threw, the user's line that called it.
func writeStack(b *strings.Builder, e ScriptError) {
	for _, f := range e.Frames() {
		b.WriteString("\t" + f + "\n")
	}
	if e.ThrownInLibrary() {
		fmt.Fprintf(b, "\tAt: %s:%d:%d\n", e.File, e.Line, e.Column)
	}
}

// describeRunError renders the error of a run that could not happen or
// ended abnormally, with the JavaScript stack of an exception.
func describeRunError(err error) string {
	var b strings.Builder
	b.WriteString(err.Error())
	var se *ScriptError
	if errors.As(err, &se) && len(se.Frames()) > 0 {
		b.WriteByte('\n')
		writeStack(&b, *se)
	}
	return strings.TrimRight(b.String(), "\n")
}
