package jsloop_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/jsloop"
)

// BenchmarkRunEmpty measures one Run whose first task is a call to an empty
// JS function.
func BenchmarkRunEmpty(b *testing.B) {
	rt := goja.New()
	loop := jsloop.New(rt)
	loop.SetTimers(rt.GlobalObject())
	if _, err := rt.RunString(`function noop() {}`); err != nil {
		b.Fatal(err)
	}
	noop, _ := goja.AssertFunction(rt.Get("noop"))
	first := func() error {
		_, err := noop(goja.Undefined())
		return err
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := loop.Run(ctx, first); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSetTimeoutZero measures one setTimeout(f, 0) round trip: each
// callback schedules the next, all within one Run.
func BenchmarkSetTimeoutZero(b *testing.B) {
	rt := goja.New()
	loop := jsloop.New(rt)
	loop.SetTimers(rt.GlobalObject())
	if _, err := rt.RunString(`function chain(n) { (function tick() { if (--n > 0) setTimeout(tick, 0) })() }`); err != nil {
		b.Fatal(err)
	}
	chain, _ := goja.AssertFunction(rt.Get("chain"))
	b.ReportAllocs()
	b.ResetTimer()
	err := loop.Run(context.Background(), func() error {
		_, err := chain(goja.Undefined(), rt.ToValue(b.N))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRegisterCallback measures a reservation released from another
// goroutine with a Go task, all within one Run.
func BenchmarkRegisterCallback(b *testing.B) {
	rt := goja.New()
	loop := jsloop.New(rt)
	b.ReportAllocs()
	b.ResetTimer()
	err := loop.Run(context.Background(), func() error {
		n := b.N
		var next func() error
		next = func() error {
			if n--; n > 0 {
				enqueue := loop.RegisterCallback()
				go enqueue(next)
			}
			return nil
		}
		return next()
	})
	if err != nil {
		b.Fatal(err)
	}
}
