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

// fields holds a Response's data keys in k6's order.
type fields struct {
	remoteIP           string
	remotePort         int
	url                string
	status             int
	statusText, proto  string
	headers, cookies   *goja.Object
	body               goja.Value
	timings            *goja.Object
	tlsVersion, cipher string
	errText            string
	errCode            int
	request            goja.Value
}

// object builds the Response object: the data keys in k6's order, then
// the methods.
func (m *Module) object(f *fields, raw []byte, hasBody bool) *goja.Object {
	o := m.rt.NewObject()
	_ = o.Set("remote_ip", f.remoteIP)
	_ = o.Set("remote_port", f.remotePort)
	_ = o.Set("url", f.url)
	_ = o.Set("status", f.status)
	_ = o.Set("status_text", f.statusText)
	_ = o.Set("proto", f.proto)
	_ = o.Set("headers", f.headers)
	_ = o.Set("cookies", f.cookies)
	_ = o.Set("body", f.body)
	_ = o.Set("timings", f.timings)
	_ = o.Set("tls_version", f.tlsVersion)
	_ = o.Set("tls_cipher_suite", f.cipher)
	_ = o.Set("ocsp", m.ocsp())
	_ = o.Set("error", f.errText)
	_ = o.Set("error_code", f.errCode)
	_ = o.Set("request", f.request)
	notSupported := func(name string) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			m.throwf("Response.%s() is not supported by wstest (it needs k6/html); parse res.body yourself", name)
			return nil
		}
	}
	_ = o.Set("clickLink", notSupported("clickLink"))
	_ = o.Set("html", notSupported("html"))
	_ = o.Set("json", m.jsonMethod(raw, hasBody))
	_ = o.Set("submitForm", notSupported("submitForm"))
	return o
}

// placeholder is the Response of a request that was not sent.
func (m *Module) placeholder(errText string, code int) goja.Value {
	f := &fields{headers: m.rt.NewObject(), cookies: m.rt.NewObject(), body: m.rt.NewArray(),
		timings: m.timings(nil), errText: errText, errCode: code, request: goja.Null()}
	return m.object(f, nil, false)
}

// response builds the Response of a sent request.
func (m *Module) response(pr *prepared, res *result) goja.Value {
	f := &fields{headers: m.rt.NewObject(), cookies: m.rt.NewObject(), body: goja.Null(), url: pr.req.URL.String()}
	var last *hop
	if n := len(res.hops); n > 0 {
		last = res.hops[n-1]
	}
	f.request = m.requestObject(pr, res)
	if res.err != nil {
		f.timings = m.timings(last)
		f.errText, f.errCode = res.err.short, res.err.code
		return m.object(f, nil, false)
	}
	resp := res.resp
	f.url = resp.Request.URL.String()
	f.status, f.statusText, f.proto = resp.StatusCode, resp.Status, resp.Proto
	if last != nil {
		if host, port, err := net.SplitHostPort(last.remote); err == nil {
			f.remoteIP = host
			f.remotePort, _ = strconv.Atoi(port)
		}
	}
	if resp.TLS != nil {
		f.tlsVersion = tlsVersion(resp.TLS.Version)
		f.cipher = tls.CipherSuiteName(resp.TLS.CipherSuite)
	}
	if f.status >= 400 {
		f.errCode = 1000 + f.status
	}
	for k, v := range resp.Header {
		_ = f.headers.Set(k, strings.Join(v, ", "))
	}
	m.setCookies(f.cookies, resp.Cookies())
	f.timings = m.timings(last)
	hasBody := true
	switch {
	case f.status < 200 || f.status == http.StatusNoContent || f.status == http.StatusNotModified:
		hasBody = false
	case resp.Request.Method == http.MethodHead:
		f.body = m.rt.ToValue("")
	case pr.p.responseType == "binary":
		f.body = m.rt.ToValue(m.rt.NewArrayBuffer(res.body))
	case pr.p.responseType == "none":
		hasBody = false
	default:
		f.body = m.rt.ToValue(textOf(res.body))
	}
	return m.object(f, res.body, hasBody)
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
