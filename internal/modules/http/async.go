package http

import (
	"github.com/dop251/goja"
)

// asyncRequest(method, url, body?, params?) returns a promise at once; the
// request runs on its own goroutine and the promise settles on the loop.
func (m *Module) asyncRequest(c goja.FunctionCall) goja.Value {
	if m.vu.InInit() {
		m.throw("Making http requests in the init context is not supported")
	}
	promise, resolve, reject := m.rt.NewPromise()
	pr, err := m.prepare(c.Argument(0).String(), c.Argument(1), c.Argument(2), c.Argument(3))
	if err != nil {
		v, err := m.parseFailure(err)
		if err != nil {
			_ = reject(m.rt.NewGoError(err))
		} else {
			_ = resolve(v)
		}
		return m.rt.ToValue(promise)
	}
	enqueue := m.vu.Loop.RegisterCallback()
	ctx := m.vu.Context()
	cl := m.transport()
	go func() {
		res := m.send(ctx, cl, pr)
		enqueue(func() error {
			v, err := m.complete(pr, res)
			if err != nil {
				return reject(m.rt.ToValue(err))
			}
			return resolve(v)
		})
	}()
	return m.rt.ToValue(promise)
}
