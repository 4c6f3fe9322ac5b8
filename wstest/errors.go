package wstest

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
)

// Exit codes, as k6 uses them.
const (
	ExitOK               = 0
	ExitThresholdsFailed = 99
	ExitSetupTimeout     = 100
	ExitTeardownTimeout  = 101
	ExitInvalidConfig    = 104
	ExitExternalAbort    = 105
	ExitScriptException  = 107
	ExitScriptAborted    = 108
	ExitMarkedFailed     = 110
)

// ScriptError is an exception of the script, with the position in the
// script's own file (source maps applied, also for TypeScript).
type ScriptError struct {
	// Stage is init, setup, iteration, teardown or handleSummary.
	Stage     string
	VU        int64
	Iteration int64
	File      string
	Line      int
	Column    int
	// Message is the exception's text without its stack.
	Message string
	// Stack is the JavaScript stack, one frame per line.
	Stack string

	cause error
}

// Error renders the error as file:line:col: message, after the stage
// outside iterations. A ScriptError is an error both as a value (the
// elements of Result.Errors) and as a pointer (what Run returns).
func (e ScriptError) Error() string {
	var b strings.Builder
	if e.Stage != "" && e.Stage != "iteration" {
		b.WriteString(e.Stage + ": ")
	}
	switch {
	case e.File != "" && e.Line > 0:
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	case e.File != "":
		fmt.Fprintf(&b, "%s: %s", e.File, e.Message)
	default:
		b.WriteString(e.Message)
	}
	return b.String()
}

// Unwrap returns what the script threw (a *goja.Exception or a load
// error), nil when the error was not thrown.
func (e ScriptError) Unwrap() error { return e.cause }

// ConfigError is a problem with the options or flags of a run (exit 104).
type ConfigError struct {
	// File is the script whose options are at fault, if any.
	File string
	Err  error
}

// Error names the script, if any, and the problem.
func (e *ConfigError) Error() string {
	if e.File != "" {
		return e.File + ": " + e.Err.Error()
	}
	return e.Err.Error()
}

// Unwrap returns the problem itself.
func (e *ConfigError) Unwrap() error { return e.Err }

// ErrAborted is wrapped by the error of a run ended by exec.test.abort().
var ErrAborted = errors.New("test aborted")

// ErrInterrupted is wrapped by the error of a run stopped by
// LiveRun.Interrupt (a signal to the command).
var ErrInterrupted = errors.New("interrupted")

// InterruptError is the error of a run stopped by LiveRun.Interrupt: its
// text is k6's for a signal. It wraps ErrInterrupted.
type InterruptError struct {
	// Signal is the signal's name as Go prints it: "interrupt" or "terminated".
	Signal string
}

// Error says which signal stopped the run, in k6's words.
func (e *InterruptError) Error() string {
	return fmt.Sprintf("test run was aborted because k6 received a '%s' signal", e.Signal)
}

// Unwrap returns ErrInterrupted.
func (e *InterruptError) Unwrap() error { return ErrInterrupted }

// errSetupTimeout and errTeardownTimeout are what a ScriptError of a
// setup() or teardown() that ran out of time wraps.
var (
	errSetupTimeout    = errors.New("setup() execution timed out")
	errTeardownTimeout = errors.New("teardown() execution timed out")
)

// ExitCode maps what Run returned to k6's exit code.
func ExitCode(res *Result, err error) int {
	var cfg *ConfigError
	var se *ScriptError
	switch {
	case err == nil && res != nil:
		return res.ExitCode()
	case errors.Is(err, ErrInterrupted):
		return ExitExternalAbort
	case errors.Is(err, errSetupTimeout):
		return ExitSetupTimeout
	case errors.Is(err, errTeardownTimeout):
		return ExitTeardownTimeout
	case errors.As(err, &cfg):
		return ExitInvalidConfig
	case errors.As(err, &se):
		return ExitScriptException
	case errors.Is(err, ErrAborted):
		return ExitScriptAborted
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ExitScriptAborted
	}
	return ExitScriptException
}

// scriptError turns what JS threw (or a bundle error) into a *ScriptError.
func scriptError(stage string, vuID, iter int64, err error) *ScriptError {
	se := &ScriptError{Stage: stage, VU: vuID, Iteration: iter, cause: err}
	var be *bundle.ScriptError
	var ex *goja.Exception
	var intr *goja.InterruptedError
	switch {
	case errors.As(err, &be):
		se.File, se.Line, se.Column, se.Message = be.File, be.Line, be.Column, be.Message
		return se
	case errors.As(err, &ex):
		se.Message = exceptionMessage(ex)
		se.Stack = ex.String()
		setPosition(se, ex.Stack())
		return se
	case errors.As(err, &intr):
		se.Message = fmt.Sprint(intr.Value())
		se.Stack = intr.String()
		setPosition(se, intr.Stack())
		return se
	}
	se.Message = err.Error()
	return se
}

// exceptionMessage is the thrown value's text without goja's " at ..." tail.
func exceptionMessage(ex *goja.Exception) string {
	v := ex.Value()
	if v == nil {
		return ex.Error()
	}
	if obj, ok := v.(*goja.Object); ok {
		if s := obj.Get("toString"); s != nil {
			return obj.String()
		}
	}
	return v.String()
}

// setPosition takes the first frame that belongs to a script file.
func setPosition(se *ScriptError, stack []goja.StackFrame) {
	for _, f := range stack {
		pos := f.Position()
		if pos.Filename == "" || pos.Line == 0 {
			continue
		}
		se.File, se.Line, se.Column = pos.Filename, pos.Line, pos.Column
		return
	}
}
