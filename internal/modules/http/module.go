package http

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is k6/http for one VU: its transport, its response callback and
// the symbols that mark the objects it makes.
type Module struct {
	vu     *vu.VU
	rt     *goja.Runtime
	client *client
	// iter is the iteration of the last request (noVUConnectionReuse).
	iter *vu.Iteration
	// callback is the VU's response callback; nil means none.
	callback *statuses
	// proto is the prototype of the VU's Responses (made at first use).
	proto *goja.Object
	// fileKey, urlKey and statusKey mark http.file, http.url and
	// expectedStatuses results.
	fileKey, urlKey, statusKey *goja.Symbol
}

// New makes the module for v.
func New(v *vu.VU) *Module {
	m := &Module{vu: v, rt: v.Runtime, callback: defaultStatuses(),
		fileKey: goja.NewSymbol("http.file"), urlKey: goja.NewSymbol("http.url"),
		statusKey: goja.NewSymbol("http.expectedStatuses")}
	return m
}

// constants are k6/http's read-only string constants.
func constants() map[string]string {
	c := map[string]string{
		"TLS_1_0": "tls1.0", "TLS_1_1": "tls1.1", "TLS_1_2": "tls1.2", "TLS_1_3": "tls1.3",
		"OCSP_STATUS_GOOD": "good", "OCSP_STATUS_REVOKED": "revoked",
		"OCSP_STATUS_SERVER_FAILED": "server_failed", "OCSP_STATUS_UNKNOWN": "unknown",
	}
	for _, r := range []string{"unspecified", "key_compromise", "ca_compromise", "affiliation_changed",
		"superseded", "cessation_of_operation", "certificate_hold", "remove_from_crl",
		"privilege_withdrawn", "aa_compromise"} {
		c["OCSP_REASON_"+strings.ToUpper(r)] = r
	}
	return c
}

// Exports returns the module's functions, constants, cookieJar() and the
// CookieJar constructor.
func (m *Module) Exports(string) *goja.Object {
	rt := m.rt
	e := rt.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = e.Set(name, fn) }
	set("request", func(c goja.FunctionCall) goja.Value {
		return m.request(c.Argument(0).String(), c.Argument(1), c.Argument(2), c.Argument(3))
	})
	for _, name := range []string{"get", "head"} {
		method := strings.ToUpper(name)
		set(name, func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) > 2 {
				m.vu.Logf(vu.LevelWarn, "http.%s only accepts a url and a params argument (2 arguments), but %d were given", name, len(c.Arguments))
			}
			return m.request(method, c.Argument(0), goja.Undefined(), c.Argument(1))
		})
	}
	for name, method := range map[string]string{"post": "POST", "put": "PUT", "patch": "PATCH", "del": "DELETE", "options": "OPTIONS"} {
		set(name, func(c goja.FunctionCall) goja.Value {
			return m.request(method, c.Argument(0), c.Argument(1), c.Argument(2))
		})
	}
	set("asyncRequest", m.asyncRequest)
	set("batch", m.batch)
	set("file", m.file)
	set("url", m.url)
	set("expectedStatuses", m.expectedStatuses)
	set("setResponseCallback", m.setResponseCallback)
	m.jarExports(e)
	for k, v := range constants() {
		_ = e.DefineDataProperty(k, rt.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return e
}

// throw throws a GoError with the message msg.
func (m *Module) throw(msg string) { panic(m.rt.NewGoError(errors.New(msg))) }

// throwf throws a GoError with a formatted message.
func (m *Module) throwf(format string, args ...any) {
	panic(m.rt.NewGoError(fmt.Errorf(format, args...)))
}

// transport returns the VU's client, made at the first request. With
// noVUConnectionReuse, an iteration's first request drops the connections
// of the previous iterations.
func (m *Module) transport() *client {
	if m.client == nil {
		m.client = newClient(m.vu)
		m.vu.OnClose(m.client.close)
	}
	if it := m.vu.Iteration(); it != m.iter {
		if m.iter != nil && m.vu.Settings.HTTP.NoVUConnectionReuse {
			m.client.close()
		}
		m.iter = it
	}
	return m.client
}
