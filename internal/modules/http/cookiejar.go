package http

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// jarObject is the JavaScript side of a CookieJar: a dynamic object whose
// methods act on the Go jar returned by jar (the VU's default jar is looked
// up at each call, since it is replaced at every iteration).
type jarObject struct {
	rt      *goja.Runtime
	jar     func() http.CookieJar
	methods map[string]goja.Value
	proto   *goja.Object
}

var _ goja.DynamicObject = (*jarObject)(nil)

// jarExports adds cookieJar() (the VU's default jar) and the CookieJar
// constructor to exports.
func (m *Module) jarExports(exports *goja.Object) {
	v := m.vu
	rt := v.Runtime
	ctor := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
		jar, _ := cookiejar.New(nil)
		return newJarObject(rt, func() http.CookieJar { return jar }, call.This.Prototype())
	}).(*goja.Object)
	proto, _ := ctor.Get("prototype").(*goja.Object)
	_ = exports.Set("CookieJar", ctor)
	_ = exports.Set("cookieJar", func() *goja.Object {
		if v.InInit() {
			m.throw("Making cookie jars in the init context is not supported")
		}
		return newJarObject(rt, v.CookieJar, proto)
	})
}

// JarOf returns the Go cookie jar behind a CookieJar object made by this
// module, or nil when v is something else.
func JarOf(v goja.Value) http.CookieJar {
	if v == nil {
		return nil
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	j, ok := obj.Export().(*jarObject)
	if !ok {
		return nil
	}
	return j.jar()
}

func newJarObject(rt *goja.Runtime, jar func() http.CookieJar, proto *goja.Object) *goja.Object {
	j := &jarObject{rt: rt, jar: jar, proto: proto}
	j.methods = map[string]goja.Value{
		"set":           rt.ToValue(j.set),
		"cookiesForURL": rt.ToValue(j.cookiesForURL),
		"clear":         rt.ToValue(j.clear),
		"delete":        rt.ToValue(j.delete),
	}
	obj := rt.NewDynamicObject(j)
	if proto != nil {
		_ = obj.SetPrototype(proto)
	}
	return obj
}

// Get implements goja.DynamicObject.
func (j *jarObject) Get(key string) goja.Value { return j.methods[key] }

// Set implements goja.DynamicObject: the methods are read-only.
func (j *jarObject) Set(string, goja.Value) bool { return false }

// Has implements goja.DynamicObject.
func (j *jarObject) Has(key string) bool { _, ok := j.methods[key]; return ok }

// Delete implements goja.DynamicObject.
func (j *jarObject) Delete(string) bool { return false }

// Keys implements goja.DynamicObject.
func (j *jarObject) Keys() []string {
	keys := make([]string, 0, len(j.methods))
	for k := range j.methods {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (j *jarObject) throw(err error) { panic(j.rt.NewGoError(err)) }

// parseURL parses a jar URL; ws and wss map to http and https.
func (j *jarObject) parseURL(raw goja.Value) *url.URL {
	if raw == nil || goja.IsUndefined(raw) || goja.IsNull(raw) {
		j.throw(errors.New("a url is required"))
	}
	u, err := url.Parse(raw.String())
	if err != nil {
		j.throw(err)
	}
	switch u.Scheme {
	case "ws":
		u.Scheme = "http"
	case "wss":
		u.Scheme = "https"
	}
	if u.Host == "" {
		j.throw(fmt.Errorf("invalid url %q: no host", raw.String()))
	}
	return u
}

// set(url, name, value, opts?) with opts domain, path, expires, max_age,
// secure, http_only.
func (j *jarObject) set(call goja.FunctionCall) goja.Value {
	u := j.parseURL(call.Argument(0))
	c := &http.Cookie{Name: call.Argument(1).String(), Value: call.Argument(2).String()}
	if opts, ok := call.Argument(3).(*goja.Object); ok {
		for _, k := range opts.Keys() {
			val := opts.Get(k)
			switch strings.ToLower(k) {
			case "domain":
				c.Domain = val.String()
			case "path":
				c.Path = val.String()
			case "expires":
				t, err := time.Parse(time.RFC1123, val.String())
				if err != nil {
					j.throw(fmt.Errorf("unable to parse \"expires\" date string %q: %w", val.String(), err))
				}
				c.Expires = t
			case "max_age":
				c.MaxAge = int(val.ToInteger())
			case "secure":
				c.Secure = val.ToBoolean()
			case "http_only":
				c.HttpOnly = val.ToBoolean()
			}
		}
	}
	j.jar().SetCookies(u, []*http.Cookie{c})
	return j.rt.ToValue(true)
}

// cookiesForURL(url) returns {name: [values]}.
func (j *jarObject) cookiesForURL(call goja.FunctionCall) goja.Value {
	u := j.parseURL(call.Argument(0))
	out := map[string][]string{}
	var names []string // in the jar's order, so the object's keys are stable
	for _, c := range j.jar().Cookies(u) {
		if _, seen := out[c.Name]; !seen {
			names = append(names, c.Name)
		}
		out[c.Name] = append(out[c.Name], c.Value)
	}
	obj := j.rt.NewObject()
	for _, name := range names {
		vals := out[name]
		arr := make([]any, len(vals))
		for i, v := range vals {
			arr[i] = v
		}
		_ = obj.Set(name, j.rt.NewArray(arr...))
	}
	return obj
}

// expire sets the cookies visible for u and named name ("" for all) as
// expired, at u's path and every parent path.
func (j *jarObject) expire(u *url.URL, name string) {
	jar := j.jar()
	var gone []*http.Cookie
	for _, c := range jar.Cookies(u) {
		if name == "" || c.Name == name {
			for _, p := range parentPaths(u.Path) {
				gone = append(gone, &http.Cookie{Name: c.Name, Path: p, MaxAge: -1})
			}
		}
	}
	if len(gone) > 0 {
		jar.SetCookies(u, gone)
	}
}

// parentPaths lists "/" and every directory prefix of p, and p itself.
func parentPaths(p string) []string {
	out := []string{"/"}
	for i := 1; i < len(p); i++ {
		if p[i] == '/' {
			out = append(out, p[:i])
		}
	}
	if p != "" && p != "/" {
		out = append(out, p)
	}
	return out
}

// clear(url) removes every cookie sent to url.
func (j *jarObject) clear(call goja.FunctionCall) goja.Value {
	j.expire(j.parseURL(call.Argument(0)), "")
	return goja.Undefined()
}

// delete(url, name) removes the cookie name sent to url.
func (j *jarObject) delete(call goja.FunctionCall) goja.Value {
	if call.Argument(1).String() == "" {
		j.throw(errors.New("cookie: is null"))
	}
	j.expire(j.parseURL(call.Argument(0)), call.Argument(1).String())
	return goja.Undefined()
}
