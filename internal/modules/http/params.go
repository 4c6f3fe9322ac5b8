package http

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// defaultTimeout is k6's request timeout.
const defaultTimeout = 60 * time.Second

// paramCookie is one cookie of params.cookies.
type paramCookie struct {
	name, value string
	replace     bool
}

// params is a request's params object, validated.
type params struct {
	header       http.Header
	host         string
	cookies      []paramCookie
	jar          http.CookieJar
	tags         [][2]string
	timeout      time.Duration
	redirects    *int
	responseType string
	auth         string
	compression  []string
	callback     *statuses
	callbackSet  bool
	throw        *bool
}

// parseParams reads v (null/undefined = defaults) in key order; the
// first bad key decides the error.
func (m *Module) parseParams(v goja.Value) (*params, error) {
	p := &params{header: http.Header{}, timeout: defaultTimeout, responseType: "text"}
	if m.vu.Settings.HTTP.DiscardResponseBodies {
		p.responseType = "none"
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return p, nil
	}
	obj := v.ToObject(m.rt)
	for _, key := range obj.Keys() {
		val := obj.Get(key)
		var err error
		switch key {
		case "headers":
			m.readHeaders(p, val)
		case "cookies":
			m.readCookies(p, val)
		case "jar":
			if j := JarOf(val); j != nil {
				p.jar = j
			}
		case "tags":
			err = m.readTags(p, val)
		case "timeout":
			p.timeout, err = timeoutValue(val)
		case "redirects":
			n := max(int(val.ToInteger()), 0)
			p.redirects = &n
		case "responseType":
			switch s := val.String(); s {
			case "text", "binary", "none":
				p.responseType = s
			default:
				err = fmt.Errorf("%s does not belong to ResponseType values", s)
			}
		case "auth":
			p.auth = val.String()
		case "compression":
			p.compression, err = compressionList(val.String())
		case "responseCallback":
			p.callbackSet = true
			if !goja.IsNull(val) && !goja.IsUndefined(val) {
				if p.callback = m.statusesOf(val); p.callback == nil {
					err = errors.New("unsupported responseCallback")
				}
			}
		case "throw":
			b := val.ToBoolean()
			p.throw = &b
		}
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (m *Module) readHeaders(p *params, val goja.Value) {
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		return
	}
	h := val.ToObject(m.rt)
	for _, k := range h.Keys() {
		hv := h.Get(k)
		s := "null"
		if hv != nil && !goja.IsNull(hv) {
			s = hv.String()
		}
		if http.CanonicalHeaderKey(k) == "Host" {
			p.host = s
			continue
		}
		p.header[http.CanonicalHeaderKey(k)] = []string{s}
	}
}

func (m *Module) readCookies(p *params, val goja.Value) {
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		return
	}
	c := val.ToObject(m.rt)
	for _, name := range c.Keys() {
		cv := c.Get(name)
		if cv == nil || goja.IsNull(cv) || goja.IsUndefined(cv) {
			continue
		}
		pc := paramCookie{name: name, value: cv.String()}
		if o, ok := cv.(*goja.Object); ok && o.ClassName() == "Object" {
			pc.value = ""
			if v := o.Get("value"); v != nil && !goja.IsUndefined(v) {
				pc.value = v.String()
			}
			if r := o.Get("replace"); r != nil {
				pc.replace = r.ToBoolean()
			}
		}
		p.cookies = append(p.cookies, pc)
	}
}

func (m *Module) readTags(p *params, val goja.Value) error {
	if val == nil || goja.IsUndefined(val) || goja.IsNull(val) {
		return nil
	}
	t := val.ToObject(m.rt)
	for _, k := range t.Keys() {
		tv := t.Get(k)
		switch tv.Export().(type) {
		case string, int64, float64, bool:
			p.tags = append(p.tags, [2]string{k, tv.String()})
		default:
			return fmt.Errorf("invalid HTTP request metric tags: invalid value for metric tag '%s': only String, Boolean and Number types are accepted as a metric tag values", k)
		}
	}
	return nil
}

// timeoutValue reads params.timeout: milliseconds as a number or a numeric
// string, or a Go duration string.
func timeoutValue(v goja.Value) (time.Duration, error) {
	switch x := v.Export().(type) {
	case int64:
		return time.Duration(x) * time.Millisecond, nil
	case float64:
		return time.Duration(x * float64(time.Millisecond)), nil
	case string:
		if f, err := strconv.ParseFloat(x, 64); err == nil {
			return time.Duration(f * float64(time.Millisecond)), nil
		}
		d, err := time.ParseDuration(x)
		if err != nil {
			return 0, fmt.Errorf("invalid timeout value: %w", err)
		}
		return d, nil
	default:
		return 0, fmt.Errorf("invalid timeout value: unable to use type %T as a duration value", x)
	}
}

// compressionList reads params.compression.
func compressionList(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	for _, a := range strings.Split(s, ",") {
		a = strings.TrimSpace(a)
		switch a {
		case "gzip", "deflate", "br", "zstd":
			out = append(out, a)
		default:
			return nil, fmt.Errorf("unknown compression algorithm %s, supported algorithms are [gzip deflate zstd br]", a)
		}
	}
	return out, nil
}
