package jsloop_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dop251/goja"
	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/jsloop"
)

// runAsync runs Run on a new goroutine (which then owns the runtime) and
// returns a channel delivering its result.
func runAsync(ctx context.Context, v *vu, src string) <-chan error {
	done := make(chan error, 1)
	go func() { done <- v.run(ctx, src) }()
	return done
}

func TestReservationKeepsRunAlive(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	release := make(chan struct{})
	holderDone := make(chan struct{})
	must(t, v.rt.Set("waitForRelease", func() {
		enqueue := v.loop.RegisterCallback()
		go func() {
			defer close(holderDone)
			<-release
			enqueue(func() error {
				_, err := v.rt.RunString(`log("released")`)
				return err
			})
		}()
	}))

	done := runAsync(context.Background(), v, `waitForRelease(); log("first done")`)
	g.Consistently(done, 50*time.Millisecond).ShouldNot(Receive())
	close(release)
	g.Eventually(done).Should(Receive(BeNil()))
	<-holderDone
	g.Expect(v.takeLog()).To(Equal([]string{"first done", "released"}))
	g.Expect(context.Cause(v.loop.Context())).To(MatchError(jsloop.ErrRunEnded))
}

func TestReservationTaskError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		task  func(v *vu) error
		check func(g Gomega, err error)
	}{
		{
			name: "Go error",
			task: func(*vu) error { return errFromGo },
			check: func(g Gomega, err error) {
				g.Expect(err).To(MatchError(errFromGo))
			},
		},
		{
			name: "JS exception",
			task: func(v *vu) error {
				_, err := v.rt.RunString(`throw new RangeError("from task")`)
				return err
			},
			check: func(g Gomega, err error) {
				var ex *goja.Exception
				g.Expect(errors.As(err, &ex)).To(BeTrue())
				g.Expect(err.Error()).To(ContainSubstring("RangeError: from task"))
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			err := v.loop.Run(context.Background(), func() error {
				failing := v.loop.RegisterCallback()
				later := v.loop.RegisterCallback()
				go failing(func() error { return tt.task(v) })
				// released after Run's task phase ended: it runs in the drain
				ctx := v.loop.Context()
				go func() {
					<-ctx.Done()
					later(func() error {
						_, err := v.rt.RunString(`log("drained"); throw new Error("ignored")`)
						return err
					})
				}()
				return nil
			})
			tt.check(g, err)
			g.Expect(context.Cause(v.loop.Context())).To(Equal(err))
			g.Expect(v.takeLog()).To(Equal([]string{"drained"}))
		})
	}
}

func TestEnqueueTwicePanics(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	err := v.loop.Run(context.Background(), func() error {
		enqueue := v.loop.RegisterCallback()
		enqueue(nil)
		g.Expect(func() { enqueue(func() error { return nil }) }).
			To(PanicWith(ContainSubstring("enqueue called twice")))
		return nil
	})
	g.Expect(err).To(Succeed())
}

func TestRegisterCallbackOutsideRunPanics(t *testing.T) {
	t.Parallel()
	v := newVU(t)
	NewWithT(t).Expect(func() { v.loop.RegisterCallback() }).To(PanicWith(ContainSubstring("outside Run")))
}

func TestContextOutsideRun(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	ctx := v.loop.Context()
	g.Expect(ctx.Err()).To(MatchError(context.Canceled))
	g.Expect(context.Cause(ctx)).To(MatchError(jsloop.ErrRunEnded))

	var inRun context.Context
	g.Expect(v.loop.Run(context.Background(), func() error {
		inRun = v.loop.Context()
		return inRun.Err()
	})).To(Succeed())
	g.Expect(inRun.Done()).To(BeClosed())
	g.Expect(context.Cause(inRun)).To(MatchError(jsloop.ErrRunEnded))
}

// TestCancel is not parallel: it checks that no goroutine is left behind.
func TestCancel(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		warnings []string
	}{
		{name: "busy loop", src: `started(); for (;;) {}`},
		{name: "busy loop in a timer", src: `setTimeout(() => { started(); for (;;) {} }, 0)`},
		{
			name: "pending timers",
			src:  `setTimeout(() => log("never"), 60000); setInterval(() => {}, 60000); started()`,
			warnings: []string{
				"setTimeout 1 was stopped because the VU iteration was interrupted",
				"setInterval 2 was stopped because the VU iteration was interrupted",
			},
		},
		{name: "busy interval", src: `setInterval(() => {}, 0); started()`, warnings: []string{
			"setInterval 1 was stopped because the VU iteration was interrupted",
		}},
		{name: "reservation released on Context() end", src: `holdUntilDone(); started()`},
		{name: "infinite microtasks", src: `started(); (function again() { Promise.resolve().then(again) })()`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer goleak.VerifyNone(t)
			g := NewWithT(t)
			v := newVU(t)
			started := make(chan struct{})
			must(t, v.rt.Set("started", func() { close(started) }))
			must(t, v.rt.Set("holdUntilDone", func() {
				enqueue, ctx := v.loop.RegisterCallback(), v.loop.Context()
				go func() {
					<-ctx.Done()
					enqueue(func() error { // JS must not run: the run was interrupted
						_, err := v.rt.RunString(`log("ran after cancel")`)
						return err
					})
				}()
			}))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()

			done := runAsync(ctx, v, tt.src)
			<-started
			cancelled := time.Now()
			cancel()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return after cancel")
			}
			elapsed := time.Since(cancelled)
			t.Logf("Run returned %v after cancel", elapsed)
			g.Expect(elapsed).To(BeNumerically("<", time.Second))

			g.Expect(errors.Is(err, context.Canceled)).To(BeTrue(), "got %v", err)
			g.Expect(err.Error()).To(HavePrefix("jsloop: run interrupted: context canceled"))
			g.Expect(v.logged).To(BeEmpty())
			g.Expect(v.warned()).To(Equal(tt.warnings))

			// JS stays interrupted until the next Run, which works normally.
			_, jsErr := v.rt.RunString(`1`)
			var ie *goja.InterruptedError
			g.Expect(errors.As(jsErr, &ie)).To(BeTrue())
			g.Expect(v.run(context.Background(), `setTimeout(() => log("next run"), 0)`)).To(Succeed())
			g.Expect(v.takeLog()).To(Equal([]string{"next run"}))
		})
	}
}

func TestCancelCauses(t *testing.T) {
	t.Parallel()
	errAborted := errors.New("test aborted")
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want []error
	}{
		{
			name: "cancelled before Run",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, cancel
			},
			want: []error{context.Canceled},
		},
		{
			name: "cancel cause",
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancelCause(context.Background())
				cancel(errAborted)
				return ctx, func() {}
			},
			want: []error{context.Canceled, errAborted},
		},
		{
			name: "deadline",
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 20*time.Millisecond)
			},
			want: []error{context.DeadlineExceeded},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			ctx, cancel := tt.ctx()
			defer cancel()
			err := v.run(ctx, `setTimeout(() => log("never"), 60000); for (;;) {}`)
			for _, want := range tt.want {
				g.Expect(errors.Is(err, want)).To(BeTrue(), "%v is not %v", err, want)
			}
			g.Expect(errors.Is(context.Cause(v.loop.Context()), tt.want[len(tt.want)-1])).To(BeTrue())
			g.Expect(v.logged).To(BeEmpty())
		})
	}
}

func TestRunIsNotReentrant(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	g.Expect(v.loop.Run(context.Background(), func() error {
		g.Expect(func() { _ = v.loop.Run(context.Background(), func() error { return nil }) }).
			To(PanicWith(ContainSubstring("while the loop is running")))
		return nil
	})).To(Succeed())
}

func TestRuntime(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	NewWithT(t).Expect(jsloop.New(rt).Runtime()).To(BeIdenticalTo(rt))
}

func TestTaskPanicPropagates(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	must(t, v.rt.Set("goPanic", func() { panic("a bug in Go code") }))
	g.Expect(func() {
		_ = v.run(context.Background(), `setTimeout(() => {}, 60000); goPanic()`)
	}).To(Panic())
	g.Expect(v.loop.Context().Err()).To(HaveOccurred())
	g.Expect(v.warned()).To(Equal([]string{"setTimeout 1 was stopped because the VU iteration was interrupted"}))
}
