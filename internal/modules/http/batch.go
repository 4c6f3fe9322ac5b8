package http

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// batchItem is one request of http.batch: its key (index or name) and
// its arguments.
type batchItem struct {
	key                    string
	method                 string
	url, body, paramsValue goja.Value
}

// batch(requests) sends the requests in parallel, at most `batch` at a
// time and `batchPerHost` per host, and blocks until all are done.
func (m *Module) batch(c goja.FunctionCall) goja.Value {
	if m.vu.InInit() {
		m.throw("Using batch in the init context is not supported")
	}
	switch len(c.Arguments) {
	case 0:
		m.throw("no argument was provided to http.batch()")
	case 1:
	default:
		m.throw("http.batch() accepts only an array or an object of requests")
	}
	arg := c.Argument(0)
	obj, ok := arg.(*goja.Object)
	if !ok || (obj.ClassName() != "Array" && obj.ClassName() != "Object") {
		m.throwf("invalid http.batch() argument type %T", exportOf(arg))
	}
	isArray := obj.ClassName() == "Array"
	var items []batchItem
	for _, k := range obj.Keys() {
		it, err := m.batchItem(k, obj.Get(k))
		if err != nil {
			return m.batchFailed(isArray, obj.Keys(), len(items), err)
		}
		items = append(items, it)
	}
	prepared := make([]*prepared, len(items))
	for i, it := range items {
		pr, err := m.prepare(it.method, it.url, it.body, it.paramsValue)
		if err != nil {
			return m.batchFailed(isArray, obj.Keys(), i, err)
		}
		prepared[i] = pr
	}
	results := m.sendAll(prepared)
	out := m.rt.NewObject()
	if isArray {
		out = m.rt.NewArray()
	}
	var throwErr error
	for i, pr := range prepared {
		v, err := m.complete(pr, results[i])
		if err != nil {
			if throwErr == nil {
				throwErr = err
			}
			v = goja.Null()
		}
		_ = out.Set(items[i].key, v)
	}
	if throwErr != nil {
		panic(m.rt.NewGoError(throwErr))
	}
	return out
}

// batchItem reads one item: a URL, an array [method, url, body?, params?]
// or an object {method?, url, body?, params?}.
func (m *Module) batchItem(key string, v goja.Value) (batchItem, error) {
	it := batchItem{key: key, method: "GET", url: v, body: goja.Undefined(), paramsValue: goja.Undefined()}
	o, ok := v.(*goja.Object)
	if !ok {
		return it, nil
	}
	if symbolOf(o, m.urlKey) != nil {
		return it, nil
	}
	switch o.ClassName() {
	case "Array":
		n := int(o.Get("length").ToInteger())
		if n < 2 {
			return it, fmt.Errorf("invalid batch request '%#v'", o.Export())
		}
		method, isString := o.Get("0").Export().(string)
		if !isString {
			return it, fmt.Errorf("invalid method type '%v'", o.Get("0").Export())
		}
		it.method, it.url = method, o.Get("1")
		it.body, it.paramsValue = orUndefined(o.Get("2")), orUndefined(o.Get("3"))
	default:
		u := o.Get("url")
		if u == nil {
			return it, fmt.Errorf("batch request %s doesn't have a url key", key)
		}
		it.url = u
		it.body, it.paramsValue = orUndefined(o.Get("body")), orUndefined(o.Get("params"))
		if mv := o.Get("method"); mv != nil && !goja.IsUndefined(mv) {
			it.method = strings.ToUpper(mv.String())
			if it.method == "GET" || it.method == "HEAD" {
				it.body = goja.Undefined()
			}
		}
	}
	return it, nil
}

// batchFailed is the result of a batch whose item failed to parse:
// nothing was sent.
func (m *Module) batchFailed(isArray bool, keys []string, failed int, err error) goja.Value {
	var pe *parseError
	if !errors.As(err, &pe) {
		err = &parseError{err: err}
	}
	if m.vu.Settings.Throw {
		panic(m.rt.NewGoError(err))
	}
	m.vu.Logf(vu.LevelWarn, "A batch request failed error=%q", err.Error())
	out := m.rt.NewObject()
	if isArray {
		out = m.rt.NewArray()
	}
	for i, k := range keys {
		switch {
		case i < failed:
			_ = out.Set(k, m.placeholder("", 0))
		case i == failed:
			code := 0
			if errors.As(err, &pe) {
				code = pe.code
			}
			_ = out.Set(k, m.placeholder(err.Error(), code))
		default:
			_ = out.Set(k, goja.Null())
		}
	}
	return out
}

// sendAll sends the requests with the batch limits and waits for all.
func (m *Module) sendAll(prs []*prepared) []*result {
	limit, perHost := m.vu.Settings.HTTP.BatchLimits()
	if limit <= 0 {
		limit = len(prs)
	}
	results := make([]*result, len(prs))
	global := make(chan struct{}, max(limit, 1))
	hosts := map[string]chan struct{}{}
	ctx := m.vu.Context()
	cl := m.transport()
	var wg sync.WaitGroup
	for i, pr := range prs {
		host := pr.req.URL.Host
		hostSem := hosts[host]
		if hostSem == nil && perHost > 0 {
			hostSem = make(chan struct{}, perHost)
			hosts[host] = hostSem
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if hostSem != nil {
				hostSem <- struct{}{}
				defer func() { <-hostSem }()
			}
			global <- struct{}{}
			defer func() { <-global }()
			results[i] = m.send(ctx, cl, pr)
		}()
	}
	wg.Wait()
	return results
}
