package jsloop

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// ErrRunEnded is the cause of Context() when Run finished normally: nothing
// was queued or reserved any more.
var ErrRunEnded = errors.New("jsloop: run ended")

// errTaskPanicked is the cause of Context() when a task panicked.
var errTaskPanicked = errors.New("jsloop: task panicked")

// RejectionError is an unhandled promise rejection: Error() is
// "Uncaught (in promise) <stack or string>", where the reason's stack property
// is used when the reason is an object that has one. Value is the rejection
// reason; read it on the loop goroutine only. When the reason wraps a Go error
// (a GoError, or a Go error value), Unwrap returns that error.
type RejectionError struct {
	Value goja.Value
	text  string
	cause error
}

// Error returns "Uncaught (in promise) " followed by the reason's stack or string.
func (e *RejectionError) Error() string { return e.text }

// Unwrap returns the Go error wrapped by the rejection reason, or nil.
func (e *RejectionError) Unwrap() error { return e.cause }

// newRejectionError describes reason; it runs on the loop goroutine, outside
// any JS call.
func newRejectionError(reason goja.Value) *RejectionError {
	if reason == nil {
		reason = goja.Undefined()
	}
	return &RejectionError{
		Value: reason,
		text:  "Uncaught (in promise) " + reasonText(reason),
		cause: goCause(reason),
	}
}

// reasonText is the reason's stack when it is an object with one, else its
// string form. A throwing getter or toString falls back to a fixed text.
func reasonText(reason goja.Value) (text string) {
	defer func() {
		if recover() != nil {
			text = "[unprintable rejection reason]"
		}
	}()
	if obj, ok := reason.(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			return stack.String()
		}
	}
	return reason.String()
}

// goCause finds the Go error a reason carries: a Go error converted with
// ToValue, or a GoError object (its "value" property).
func goCause(reason goja.Value) (cause error) {
	defer func() {
		if recover() != nil {
			cause = nil
		}
	}()
	obj, ok := reason.(*goja.Object)
	if !ok {
		return nil
	}
	if err, ok := obj.Export().(error); ok {
		return err
	}
	if v := obj.Get("value"); v != nil {
		if err, ok := v.Export().(error); ok {
			return err
		}
	}
	return nil
}

// interruptedError is what Run returns when its ctx ended: it wraps ctx's
// cause and, when that differs, ctx.Err() too, so errors.Is(err,
// context.Canceled) or context.DeadlineExceeded holds.
func interruptedError(ctx context.Context) error {
	cause, base := context.Cause(ctx), ctx.Err()
	if errors.Is(cause, base) {
		return fmt.Errorf("jsloop: run interrupted: %w", cause)
	}
	return fmt.Errorf("jsloop: run interrupted: %w (%w)", cause, base)
}
