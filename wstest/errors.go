package wstest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	"github.com/wsk6/wstest/internal/vu"
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
// script's own file (source maps applied, also for TypeScript). When a
// library threw, such as an expect helper of a jslib, File, Line and Column
// name the first frame in the user's own files (see ThrownInLibrary), and
// Stack keeps every frame.
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
	// Stack is the JavaScript stack, one frame per line, with source
	// maps applied; Frames splits it.
	Stack string
	// NotPortable is set when the portability guard threw it in strict
	// mode (WithK6Strict): the script relied on a wstest-only behaviour.
	NotPortable bool

	cause     error
	inLibrary bool
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
	var strict *vu.StrictError
	se := &ScriptError{Stage: stage, VU: vuID, Iteration: iter, cause: err, NotPortable: errors.As(err, &strict)}
	var be *bundle.ScriptError
	var ex *goja.Exception
	var intr *goja.InterruptedError
	switch {
	case errors.As(err, &be):
		se.File, se.Line, se.Column, se.Message = be.File, be.Line, be.Column, be.Message
		return se
	case errors.As(err, &ex):
		se.Message = exceptionMessage(ex)
		se.Stack = defaultNames(ex.String())
		setPosition(se, ex.Stack())
		return se
	case errors.As(err, &intr):
		se.Message = fmt.Sprint(intr.Value())
		se.Stack = defaultNames(intr.String())
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

// setPosition names the place of the exception: the innermost frame in
// the user's own files. When a library threw (a remote module or jslib,
// such as an expect helper), that is the user's line that called into it,
// as k6's "At:" line shows; when every frame is a library's, the innermost.
func setPosition(se *ScriptError, stack []goja.StackFrame) {
	first := true
	for _, f := range stack {
		pos := f.Position()
		if pos.Filename == "" || pos.Line == 0 {
			continue
		}
		if first {
			se.File, se.Line, se.Column = pos.Filename, pos.Line, pos.Column
			first = false
		}
		if !isLibrary(pos.Filename) {
			se.inLibrary = se.File != pos.Filename || se.Line != pos.Line || se.Column != pos.Column
			se.File, se.Line, se.Column = pos.Filename, pos.Line, pos.Column
			return
		}
	}
}

// isLibrary tells a module loaded by URL (jslib, a remote module, one
// given by WithModule) from the user's own files.
func isLibrary(file string) bool {
	return strings.Contains(file, "://") && !strings.HasPrefix(file, "file://")
}

// Frames returns the JavaScript stack one frame per element, innermost
// first, as "at fn (file:line:col(pc))" with source maps applied.
func (e ScriptError) Frames() []string {
	var frames []string
	for _, line := range strings.Split(e.Stack, "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "at ") {
			frames = append(frames, l)
		}
	}
	return frames
}

// ThrownInLibrary reports whether the innermost frame was a library's
// (a remote module or jslib), so that File, Line and Column name the
// user's call into it instead.
func (e ScriptError) ThrownInLibrary() bool { return e.inLibrary }

// bundledDefault is a stack frame of an anonymous default export, which
// the bundler names after its file: "at my_test_default (my-test.js:...".
var bundledDefault = regexp.MustCompile(`at (\w+)_default \(([^:()]+)`)

// defaultNames gives the frames of anonymous default exports k6's name for
// them, "default".
func defaultNames(stack string) string {
	return bundledDefault.ReplaceAllStringFunc(stack, func(frame string) string {
		m := bundledDefault.FindStringSubmatch(frame)
		if identifier(strings.TrimSuffix(filepath.Base(m[2]), filepath.Ext(m[2]))) != m[1] {
			return frame
		}
		return "at default (" + m[2]
	})
}

// identifier turns a file's base name into the identifier the bundler
// makes of it: every character that cannot be in one becomes "_".
func identifier(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '_'
	}, name)
}
