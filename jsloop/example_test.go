package jsloop_test

import (
	"context"
	"fmt"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/jsloop"
)

func Example() {
	rt := goja.New()
	loop := jsloop.New(rt)
	loop.SetTimers(rt.GlobalObject())
	_ = rt.Set("print", fmt.Println)

	err := loop.Run(context.Background(), func() error {
		_, err := rt.RunString(`
			setTimeout((who) => print("timeout", who), 10, "world");
			setTimeout(() => print("sooner"), 0);
			Promise.resolve().then(() => print("microtask"));
			print("sync");
		`)
		return err
	})
	fmt.Println("run error:", err)
	// Output:
	// sync
	// microtask
	// sooner
	// timeout world
	// run error: <nil>
}

func ExampleLoop_RegisterCallback() {
	rt := goja.New()
	loop := jsloop.New(rt)

	// fetch returns a promise settled by work done on another goroutine.
	_ = rt.Set("fetch", func(name string) *goja.Promise {
		promise, resolve, _ := rt.NewPromise()
		enqueue := loop.RegisterCallback() // on the loop goroutine
		go func() {
			result := "hello " + name // blocking work goes here
			enqueue(func() error {    // back on the loop goroutine
				return resolve(result)
			})
		}()
		return promise
	})
	_ = rt.Set("print", fmt.Println)

	err := loop.Run(context.Background(), func() error {
		_, err := rt.RunString(`fetch("loop").then(print)`)
		return err
	})
	fmt.Println("run error:", err)
	// Output:
	// hello loop
	// run error: <nil>
}
