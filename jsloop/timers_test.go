package jsloop_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dop251/goja"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/jsloop"
)

func TestTimerOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "equal delays run first in first out",
			src:  `for (const n of ["a", "b", "c", "d"]) setTimeout(() => log(n), 5)`,
			want: []string{"a", "b", "c", "d"},
		},
		{
			name: "ten zero timeouts in order",
			src:  `for (let i = 0; i < 10; i++) setTimeout(() => log(i), 0)`,
			want: []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
		},
		{
			name: "shorter delay first",
			src: `setTimeout(() => log("30"), 30); setTimeout(() => log("10"), 10);
				setTimeout(() => log("0"), 0); setTimeout(() => log("20"), 20)`,
			want: []string{"0", "10", "20", "30"},
		},
		{
			name: "microtasks before the next macrotask",
			src: `setTimeout(() => log("timeout 1"), 0);
				setTimeout(() => { log("timeout 2"); Promise.resolve().then(() => log("micro of 2")) }, 0);
				setTimeout(() => log("timeout 3"), 0);
				Promise.resolve().then(() => log("micro 1")).then(() => log("micro 2"));
				log("sync")`,
			want: []string{"sync", "micro 1", "micro 2", "timeout 1", "timeout 2", "micro of 2", "timeout 3"},
		},
		{
			name: "timer set in a timer runs after those already due",
			src: `setTimeout(() => { log("a"); setTimeout(() => log("c"), 0) }, 0);
				setTimeout(() => log("b"), 0)`,
			want: []string{"a", "b", "c"},
		},
		{
			name: "negative NaN infinite and missing delays are zero",
			src: `setTimeout(() => log("one"), 20); // later than the zero delays even on a loaded machine
				setTimeout(() => log("neg"), -50);
				setTimeout(() => log("nan"), NaN);
				setTimeout(() => log("abc"), "abc");
				setTimeout(() => log("inf"), Infinity);
				setTimeout(() => log("missing"));
				setTimeout(() => log("null"), null)`,
			want: []string{"neg", "nan", "abc", "inf", "missing", "null", "one"},
		},
		{
			name: "numeric string delay",
			src:  `setTimeout(() => log("12"), "12"); setTimeout(() => log("5"), 5)`,
			want: []string{"5", "12"},
		},
		{
			name: "extra arguments on every call and this is globalThis",
			src: `let n = 0;
				const id = setInterval(function (a, b) {
					log(a, b, this === globalThis);
					if (++n === 2) clearInterval(id);
				}, 1, "x", 42)`,
			want: []string{"x 42 true", "x 42 true"},
		},
		{
			name: "clear before it fires",
			src:  `const id = setTimeout(() => log("no"), 0); clearTimeout(id); setTimeout(() => log("yes"), 1)`,
			want: []string{"yes"},
		},
		{
			name: "clearTimeout clears intervals and clearInterval timeouts",
			src: `const a = setInterval(() => log("no a"), 0); clearTimeout(a);
				const b = setTimeout(() => log("no b"), 0); clearInterval(b);
				log(clearTimeout === clearInterval)`,
			want: []string{"true"},
		},
		{
			name: "clearing unknown ids is a no-op",
			src: `clearTimeout(12345); clearInterval(-1); clearTimeout(); clearTimeout("x"); clearTimeout(null);
				setTimeout(() => log("ran"), 0)`,
			want: []string{"ran"},
		},
		{
			name: "huge delay saturates and can be cleared",
			src:  `const id = setTimeout(() => log("no"), 1e300); clearTimeout(id); log("ok")`,
			want: []string{"ok"},
		},
		{
			name: "ids from 1 shared by both kinds",
			src: `const a = setTimeout(() => {}, 0), b = setInterval(() => clearInterval(b), 0), c = setTimeout(() => {});
				log(a, b, c, typeof a)`,
			want: []string{"1 2 3 number"},
		},
		{
			name: "interval repeats until cleared inside its callback",
			src: `let n = 0;
				const id = setInterval(() => { log("tick " + (++n)); if (n === 3) clearInterval(id) }, 2);
				setTimeout(() => log("timeout"), 3)`,
			want: []string{"tick 1", "timeout", "tick 2", "tick 3"},
		},
		{
			name: "interval cleared by another timer",
			src: `const id = setInterval(() => log("tick"), 0);
				setTimeout(() => { clearInterval(id); log("cleared") }, 20)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			g.Expect(v.run(context.Background(), tt.src)).To(Succeed())
			got := v.takeLog()
			if tt.want == nil { // "interval cleared by another timer": ticks, then cleared, then nothing
				g.Expect(len(got)).To(BeNumerically(">=", 2))
				g.Expect(got[len(got)-1]).To(Equal("cleared"))
				g.Expect(got[:len(got)-1]).To(HaveEach("tick"))
			} else {
				g.Expect(got).To(Equal(tt.want))
			}
			g.Expect(v.warned()).To(BeEmpty())
		})
	}
}

func TestTimerCallbackErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want string // substring of the error
		kind any    // pointer to the error type errors.As must find
	}{
		{"setTimeout without arguments", `setTimeout()`, "setTimeout's callback isn't a callable function", new(*goja.Exception)},
		{"setTimeout undefined", `setTimeout(undefined, 1)`, "setTimeout's callback isn't a callable function", new(*goja.Exception)},
		{"setTimeout null", `setTimeout(null)`, "setTimeout's callback isn't a callable function", new(*goja.Exception)},
		{"setInterval without arguments", `setInterval()`, "setInterval's callback isn't a callable function", new(*goja.Exception)},
		{"setTimeout string", `setTimeout("log(1)", 0)`, "TypeError: setTimeout's callback isn't a callable function", new(*goja.Exception)},
		{"setInterval object", `setInterval({}, 0)`, "TypeError: setInterval's callback isn't a callable function", new(*goja.Exception)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			v := newVU(t)
			err := v.run(context.Background(), tt.src)
			g.Expect(err).To(MatchError(ContainSubstring(tt.want)))
			g.Expect(errors.As(err, tt.kind)).To(BeTrue())
		})
	}

	t.Run("catchable in JS", func(t *testing.T) {
		t.Parallel()
		g := NewWithT(t)
		v := newVU(t)
		g.Expect(v.run(context.Background(), `try { setTimeout() } catch (e) { log(e.message) }`)).To(Succeed())
		g.Expect(v.takeLog()).To(Equal([]string{"setTimeout's callback isn't a callable function"}))
	})
}

func TestTimerExceptionEndsRun(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	err := v.run(context.Background(), `
		setTimeout(() => log("first"), 0);
		setTimeout(() => { throw new Error("boom in timer") }, 1);
		setTimeout(() => log("never"), 2);
		setInterval(() => log("never either"), 3);
	`)
	var ex *goja.Exception
	g.Expect(errors.As(err, &ex)).To(BeTrue())
	g.Expect(err.Error()).To(ContainSubstring("boom in timer"))
	g.Expect(v.takeLog()).To(Equal([]string{"first"}))
	g.Expect(v.warned()).To(Equal([]string{
		"setTimeout 3 was stopped because the VU iteration was interrupted",
		"setInterval 4 was stopped because the VU iteration was interrupted",
	}))
	g.Expect(context.Cause(v.loop.Context())).To(Equal(err))
}

func TestTimerKeepsRunAlive(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	start := time.Now()
	g.Expect(v.run(context.Background(), `setTimeout(() => log("late"), 50)`)).To(Succeed())
	elapsed := time.Since(start)
	g.Expect(elapsed).To(BeNumerically(">=", 50*time.Millisecond))
	g.Expect(v.takeLog()).To(Equal([]string{"late"}))
}

func TestTimeScale(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t, jsloop.WithTimeScale(0.01))
	start := time.Now()
	err := v.run(context.Background(), `
		setTimeout(() => log("1000"), 1000);
		setTimeout(() => log("500"), 500);
		setTimeout(() => log("0"), 0);
	`)
	elapsed := time.Since(start)
	t.Logf("setTimeout 1000 with time scale 0.01 ended Run after %v", elapsed)
	g.Expect(err).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"0", "500", "1000"}))
	g.Expect(elapsed).To(BeNumerically(">=", 10*time.Millisecond))
	g.Expect(elapsed).To(BeNumerically("<", 500*time.Millisecond))
}

func TestTimeScaleRejectsBadFactor(t *testing.T) {
	t.Parallel()
	for _, f := range []float64{0, -1} {
		NewWithT(t).Expect(func() { jsloop.WithTimeScale(f) }).To(PanicWith(ContainSubstring("time scale")))
	}
}

func TestFrozenClock(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	frozen := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	v := newVU(t, jsloop.WithClock(func() time.Time { return frozen }))
	err := v.run(context.Background(), `
		setTimeout(() => log("b"), 10);
		setTimeout(() => log("a"), 5);
		let n = 0; const id = setInterval(() => { log("i" + n); if (++n === 2) clearInterval(id) }, 1);
		for (const s of ["e1", "e2", "e3"]) setTimeout(() => log(s), 5); // equal deadlines: FIFO
	`)
	g.Expect(err).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"i0", "i1", "a", "e1", "e2", "e3", "b"}))
}

func TestTimersAcrossRuns(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	ctx := context.Background()

	// init code: a timer that fires before init ends, and a function for later
	g.Expect(v.run(ctx, `
		setTimeout(() => log("init timer", 1), 0);
		function iteration(n) {
			const id = setTimeout(() => log("iteration", n, "timer", id), 1);
		}
	`)).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"init timer 1"}))

	iteration, ok := goja.AssertFunction(v.rt.Get("iteration"))
	g.Expect(ok).To(BeTrue())
	for n := 1; n <= 3; n++ {
		g.Expect(v.loop.Run(ctx, func() error {
			_, err := iteration(goja.Undefined(), v.rt.ToValue(n))
			return err
		})).To(Succeed())
	}
	g.Expect(v.takeLog()).To(Equal([]string{"iteration 1 timer 2", "iteration 2 timer 3", "iteration 3 timer 4"}))

	// an iteration that fails leaves a clean loop behind
	g.Expect(v.run(ctx, `setTimeout(() => log("dropped"), 1000); throw new Error("iteration failed")`)).
		To(MatchError(ContainSubstring("iteration failed")))
	g.Expect(v.run(ctx, `setTimeout(() => log("after failure"), 0)`)).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"after failure"}))
	g.Expect(v.warned()).To(Equal([]string{"setTimeout 5 was stopped because the VU iteration was interrupted"}))
}

func TestTimerOutsideRunIsDropped(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	_, err := v.rt.RunString(`setTimeout(() => log("never"), 0)`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.warned()).To(Equal([]string{"setTimeout 1 was stopped because the VU iteration was interrupted"}))
	g.Expect(v.run(context.Background(), `setTimeout(() => log("id", 2), 0)`)).To(Succeed())
	g.Expect(v.takeLog()).To(Equal([]string{"id 2"}))
}

func TestTimerSetDuringDrainIsDropped(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	err := v.loop.Run(context.Background(), func() error {
		enqueue, ctx := v.loop.RegisterCallback(), v.loop.Context()
		go func() {
			<-ctx.Done()
			enqueue(func() error {
				_, err := v.rt.RunString(`log("drain"); setTimeout(() => log("never"), 0)`)
				return err
			})
		}()
		_, err := v.rt.RunString(`throw new Error("end the run")`)
		return err
	})
	g.Expect(err).To(MatchError(ContainSubstring("end the run")))
	g.Expect(v.takeLog()).To(Equal([]string{"drain"}))
	g.Expect(v.warned()).To(Equal([]string{"setTimeout 1 was stopped because the VU iteration was interrupted"}))
}
