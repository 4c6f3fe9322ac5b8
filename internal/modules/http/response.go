package http

import (
	"crypto/tls"
	"net"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
)

func (m *Module) timings(h *hop) *goja.Object {
	o := m.rt.NewObject()
	vals := [8]float64{}
	if h != nil {
		vals = [8]float64{h.sending + h.waiting + h.receiving, h.blocked, 0, h.connecting, h.tlsHandshaking, h.sending, h.waiting, h.receiving}
	}
	keys := [...]string{"duration", "blocked", "looking_up", "connecting", "tls_handshaking", "sending", "waiting", "receiving"}
	for i, k := range keys {
		_ = o.Set(k, vals[i])
	}
	return o
}

func (m *Module) ocsp() *goja.Object {
	o := m.rt.NewObject()
	for _, k := range []string{"produced_at", "this_update", "next_update", "revoked_at"} {
		_ = o.Set(k, 0)
	}
	_ = o.Set("revocation_reason", "")
	_ = o.Set("status", "")
	return o
}

// zeroTimeMillis is what k6 shows as the expiry of a cookie without one
// (Go's zero time in nanoseconds, overflowed, then milliseconds).
const zeroTimeMillis = -6795364578871

// responseKeys are a Response's data keys, in k6's order.
func responseKeys() [16]string {
	return [16]string{"remote_ip", "remote_port", "url", "status", "status_text", "proto", "headers",
		"cookies", "body", "timings", "tls_version", "tls_cipher_suite", "ocsp", "error", "error_code", "request"}
}

// responseObject is a Response: a host object, like k6's, whose values
// are built at their first read (a script that reads only status pays for
// nothing else). Its keys can be assigned; new keys cannot be added.
type responseObject struct {
	m    *Module
	vals [16]goja.Value
	body *bodyData
	// what the values are built from
	pr       *prepared
	res      *result
	last     *hop
	errText  string
	errCode  int
	unsent   bool // a placeholder: the request was not sent
	bodyKind string
}

var _ goja.DynamicObject = (*responseObject)(nil)

func keyIndex(key string) int {
	for i, k := range responseKeys() {
		if k == key {
			return i
		}
	}
	return -1
}

// Get implements goja.DynamicObject.
func (r *responseObject) Get(key string) goja.Value {
	i := keyIndex(key)
	if i < 0 {
		return nil
	}
	if r.vals[i] == nil {
		r.vals[i] = r.build(i)
	}
	return r.vals[i]
}

// Set implements goja.DynamicObject: existing keys only.
func (r *responseObject) Set(key string, v goja.Value) bool {
	i := keyIndex(key)
	if i < 0 {
		return false
	}
	r.vals[i] = v
	return true
}

// Has implements goja.DynamicObject.
func (r *responseObject) Has(key string) bool { return keyIndex(key) >= 0 }

// Delete implements goja.DynamicObject: nothing can be deleted.
func (r *responseObject) Delete(string) bool { return false }

// Keys implements goja.DynamicObject.
func (r *responseObject) Keys() []string {
	k := responseKeys()
	return k[:]
}

// build makes the value of key i (responseKeys' order).
func (r *responseObject) build(i int) goja.Value {
	m, rt := r.m, r.m.rt
	var resp *http.Response
	if r.res != nil && r.res.err == nil {
		resp = r.res.resp
	}
	switch i {
	case 0, 1: // remote_ip, remote_port
		host, port := "", 0
		if resp != nil && r.last != nil {
			if h, p, err := net.SplitHostPort(r.last.remote); err == nil {
				host = h
				port, _ = strconv.Atoi(p)
			}
		}
		if i == 0 {
			return rt.ToValue(host)
		}
		return rt.ToValue(port)
	case 2: // url
		switch {
		case resp != nil:
			return rt.ToValue(resp.Request.URL.String())
		case r.pr != nil:
			return rt.ToValue(r.pr.req.URL.String())
		}
		return rt.ToValue("")
	case 3:
		if resp != nil {
			return rt.ToValue(resp.StatusCode)
		}
		return rt.ToValue(0)
	case 4, 5: // status_text, proto
		if resp == nil {
			return rt.ToValue("")
		}
		if i == 4 {
			return rt.ToValue(resp.Status)
		}
		return rt.ToValue(resp.Proto)
	case 6: // headers
		h := rt.NewObject()
		if resp != nil {
			for k, v := range resp.Header {
				_ = h.Set(k, strings.Join(v, ", "))
			}
		}
		return h
	case 7: // cookies
		c := rt.NewObject()
		if resp != nil {
			m.setCookies(c, resp.Cookies())
		}
		return c
	case 8: // body
		switch r.bodyKind {
		case "unsent":
			return rt.NewArray()
		case "head":
			return rt.ToValue("")
		case "binary":
			return rt.ToValue(rt.NewArrayBuffer(r.body.raw))
		case "text":
			return rt.ToValue(textOf(r.body.raw))
		}
		return goja.Null()
	case 9:
		return m.timings(r.last)
	case 10, 11: // tls_version, tls_cipher_suite
		if resp == nil || resp.TLS == nil {
			return rt.ToValue("")
		}
		if i == 10 {
			return rt.ToValue(tlsVersion(resp.TLS.Version))
		}
		return rt.ToValue(tls.CipherSuiteName(resp.TLS.CipherSuite))
	case 12:
		return m.ocsp()
	case 13:
		return rt.ToValue(r.errText)
	case 14:
		return rt.ToValue(r.errCode)
	default: // request
		if r.unsent {
			return goja.Null()
		}
		return m.requestObject(r.pr, r.res)
	}
}

func (m *Module) object(r *responseObject) *goja.Object {
	o := m.rt.NewDynamicObject(r)
	_ = o.SetPrototype(m.responseProto())
	return o
}

// placeholder is the Response of a request that was not sent.
func (m *Module) placeholder(errText string, code int) goja.Value {
	return m.object(&responseObject{m: m, body: &bodyData{}, errText: errText, errCode: code,
		unsent: true, bodyKind: "unsent"})
}

// response builds the Response of a sent request.
func (m *Module) response(pr *prepared, res *result) goja.Value {
	r := &responseObject{m: m, pr: pr, res: res, body: &bodyData{}}
	if n := len(res.hops); n > 0 {
		r.last = res.hops[n-1]
	}
	if res.err != nil {
		r.errText, r.errCode = res.err.short, res.err.code
		return m.object(r)
	}
	resp := res.resp
	status := resp.StatusCode
	if status >= 400 {
		r.errCode = 1000 + status
	}
	r.body.raw = res.body
	switch {
	case status < 200 || status == http.StatusNoContent || status == http.StatusNotModified:
	case resp.Request.Method == http.MethodHead:
		r.bodyKind = "head"
	case pr.p.responseType == "none":
	default:
		r.bodyKind = pr.p.responseType
		r.body.has = true
	}
	return m.object(r)
}

// textOf decodes b as UTF-8, each invalid byte becoming U+FFFD.
func textOf(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}

func (m *Module) setCookies(obj *goja.Object, cookies []*http.Cookie) {
	byName := map[string][]any{}
	var names []string
	for _, c := range cookies {
		co := m.rt.NewObject()
		_ = co.Set("name", c.Name)
		_ = co.Set("value", c.Value)
		_ = co.Set("domain", c.Domain)
		_ = co.Set("path", c.Path)
		_ = co.Set("http_only", c.HttpOnly)
		_ = co.Set("secure", c.Secure)
		_ = co.Set("max_age", c.MaxAge)
		expires := c.Expires.UnixMilli()
		if c.Expires.IsZero() {
			expires = zeroTimeMillis
		}
		_ = co.Set("expires", expires)
		if _, seen := byName[c.Name]; !seen {
			names = append(names, c.Name)
		}
		byName[c.Name] = append(byName[c.Name], co)
	}
	for _, n := range names {
		_ = obj.Set(n, m.rt.NewArray(byName[n]...))
	}
}

// requestObject is res.request: the request as sent last.
func (m *Module) requestObject(pr *prepared, res *result) *goja.Object {
	req := pr.req
	if res.resp != nil && res.resp.Request != nil {
		req = res.resp.Request
	}
	o := m.rt.NewObject()
	_ = o.Set("method", req.Method)
	_ = o.Set("url", req.URL.String())
	h := m.rt.NewObject()
	for k, v := range req.Header {
		if k == "Authorization" && pr.p.header.Get("Authorization") == "" {
			continue
		}
		vals := make([]any, len(v))
		for i, s := range v {
			vals[i] = s
		}
		_ = h.Set(k, m.rt.NewArray(vals...))
	}
	_ = o.Set("headers", h)
	_ = o.Set("body", string(pr.body))
	cookies := m.rt.NewObject()
	for _, c := range req.Cookies() {
		co := m.rt.NewObject()
		_ = co.Set("name", c.Name)
		_ = co.Set("value", c.Value)
		_ = co.Set("replace", false)
		prev, _ := cookies.Get(c.Name).(*goja.Object)
		var list []any
		if prev != nil {
			_ = m.rt.ExportTo(prev, &list)
		}
		_ = cookies.Set(c.Name, m.rt.NewArray(append(list, co)...))
	}
	_ = o.Set("cookies", cookies)
	return o
}
