package jsloop_test

import (
	"context"
	"errors"
	"testing"

	"github.com/dop251/goja"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/jsloop"
)

func TestUnhandledRejection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		src    string
		want   string // exact error text, or
		prefix string // its beginning
	}{
		{name: "no reason", src: `Promise.reject()`, want: "Uncaught (in promise) undefined"},
		{name: "string reason", src: `Promise.reject("some string")`, want: "Uncaught (in promise) some string"},
		{name: "number reason", src: `Promise.reject(42)`, want: "Uncaught (in promise) 42"},
		{name: "object without stack", src: `Promise.reject({ toString() { return "custom" } })`, want: "Uncaught (in promise) custom"},
		{
			name:   "error with stack",
			src:    `function fails() { return Promise.reject(new Error("boom")) } fails()`,
			prefix: "Uncaught (in promise) Error: boom\n\tat fails (",
		},
		{
			name:   "error thrown in then",
			src:    `Promise.resolve().then(() => notDefined)`,
			prefix: "Uncaught (in promise) ReferenceError: notDefined is not defined\n\tat ",
		},
		{
			name:   "async function that throws",
			src:    `(async () => { throw new TypeError("async boom") })()`,
			prefix: "Uncaught (in promise) TypeError: async boom",
		},
		{
			name: "handled only in a later macrotask",
			src:  `const p = Promise.reject("too late"); setTimeout(() => p.catch(() => {}), 0)`,
			want: "Uncaught (in promise) too late",
		},
		{
			name: "rejected in a timer",
			src:  `setTimeout(() => { Promise.reject("from timer") }, 0)`,
			want: "Uncaught (in promise) from timer",
		},
		{
			name: "throwing toString",
			src:  `Promise.reject({ toString() { throw new Error("no") } })`,
			want: "Uncaught (in promise) [unprintable rejection reason]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			err := v.run(context.Background(), tt.src)
			var rej *jsloop.RejectionError
			g.Expect(errors.As(err, &rej)).To(BeTrue(), "got %v", err)
			if tt.prefix != "" {
				g.Expect(err.Error()).To(HavePrefix(tt.prefix))
			} else {
				g.Expect(err.Error()).To(Equal(tt.want))
			}
			g.Expect(rej.Value).NotTo(BeNil())
		})
	}
}

func TestHandledRejection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "catch in the same task",
			src:  `Promise.reject("x").catch(e => log("caught", e))`,
			want: []string{"caught x"},
		},
		{
			name: "handler added by a later microtask",
			src:  `const p = Promise.reject("y"); Promise.resolve().then(() => p.then(null, e => log("handled", e)))`,
			want: []string{"handled y"},
		},
		{
			name: "awaited in an async function with try",
			src:  `(async () => { try { await Promise.reject("z") } catch (e) { log("caught", e) } })()`,
			want: []string{"caught z"},
		},
		{
			name: "pending promise does not keep the run alive",
			src:  `(async () => { await new Promise(() => {}); log("never") })(); log("done")`,
			want: []string{"done"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			g.Expect(v.run(context.Background(), tt.src)).To(Succeed())
			g.Expect(v.takeLog()).To(Equal(tt.want))
		})
	}
}

func TestRejectionHandledWithinBatch(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	// Two tasks released together run as one batch: the first rejects, the
	// second attaches the handler; the check after the batch finds nothing.
	err := v.loop.Run(context.Background(), func() error {
		var p goja.Value
		reject := v.loop.RegisterCallback()
		handle := v.loop.RegisterCallback()
		reject(func() error {
			var err error
			p, err = v.rt.RunString(`Promise.reject("late but same batch")`)
			return err
		})
		handle(func() error {
			v.rt.Set("p", p)
			_, err := v.rt.RunString(`p.catch(e => log("handled", e))`)
			return err
		})
		return nil
	})
	g.Expect(err).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"handled late but same batch"}))
}

var errFromGo = errors.New("go side failed")

func TestRejectionUnwrapsGoError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
	}{
		{"GoError thrown by a Go function", `new Promise(() => goFail())`},
		{"Go error value as reason", `Promise.reject(goErr())`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			must(t, v.rt.Set("goFail", func() { panic(v.rt.NewGoError(errFromGo)) }))
			must(t, v.rt.Set("goErr", func() goja.Value { return v.rt.ToValue(errFromGo) }))
			err := v.run(context.Background(), tt.src)
			g.Expect(err).To(MatchError(HavePrefix("Uncaught (in promise) ")))
			g.Expect(err.Error()).To(ContainSubstring("go side failed"))
			g.Expect(errors.Is(err, errFromGo)).To(BeTrue())
		})
	}
}
