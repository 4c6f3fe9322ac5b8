package websockets

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"

	k6http "github.com/wsk6/wstest/internal/modules/http"
)

// defaultCloseTimeout bounds the closing handshake (DECISIONS 8).
const defaultCloseTimeout = 5 * time.Second

// params are the constructor's third argument, parsed.
type params struct {
	header       http.Header
	tags         map[string]string
	jar          http.CookieJar
	compression  bool
	closeTimeout time.Duration
	protocols    []string
}

// parseURL validates the constructor's url argument in k6's order, then
// that it names a host and a port from 1 to 65535.
func (m *Module) parseURL(v goja.Value) *url.URL {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		m.throw("WebSocket requires a url")
	}
	raw := v.String()
	u, err := url.Parse(raw)
	if err != nil {
		m.throw(fmt.Sprintf("WebSocket requires valid url, but got %q which resulted in %v", raw, err))
	}
	if u.Scheme != "ws" && u.Scheme != "wss" {
		m.throw(fmt.Sprintf("WebSocket requires url with scheme ws or wss, but got %q", u.Scheme))
	}
	if u.Fragment != "" {
		m.throw(fmt.Sprintf("WebSocket requires no url fragment, but got %q", u.Fragment))
	}
	if u.Hostname() == "" {
		// Dialing it would reach port 80 of this machine.
		m.throw(fmt.Sprintf("WebSocket requires url with a host, but got %q", raw))
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			m.throw(fmt.Sprintf("WebSocket requires valid url, but got %q which resulted in invalid port %q", raw, port))
		}
	}
	return u
}

// parseProtocols reads a string, a String object or an array; anything
// else is ignored, as in k6.
func (m *Module) parseProtocols(v goja.Value) []string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if goja.IsString(v) {
		return []string{v.String()}
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	switch obj.ClassName() {
	case "String":
		return []string{obj.String()}
	case "Array":
		n := int(obj.Get("length").ToInteger())
		out := make([]string, 0, n)
		for i := 0; i < n; i++ {
			out = append(out, obj.Get(fmt.Sprint(i)).String())
		}
		return out
	}
	return nil
}

// parseParams reads the params object: headers, tags, jar, compression and
// closeTimeout; any other own enumerable key throws.
func (m *Module) parseParams(v goja.Value) params {
	p := params{header: http.Header{}, closeTimeout: defaultCloseTimeout}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return p
	}
	obj := v.ToObject(m.rt)
	for _, key := range obj.Keys() {
		val := obj.Get(key)
		switch key {
		case "headers":
			if isNullish(val) {
				continue
			}
			h := val.ToObject(m.rt)
			for _, name := range h.Keys() {
				p.header.Set(name, h.Get(name).String())
			}
		case "tags":
			if isNullish(val) {
				continue
			}
			p.tags = m.parseTags(val.ToObject(m.rt))
		case "jar":
			if jar := k6http.JarOf(val); jar != nil {
				p.jar = jar
			}
		case "compression":
			algo := strings.TrimSpace(val.String())
			if algo != "deflate" {
				m.throw(fmt.Sprintf("unsupported compression algorithm '%s', supported algorithm is 'deflate'", algo))
			}
			p.compression = true
		case "closeTimeout":
			m.vu.Settings.Guard.UseIn(m.rt, vu.CloseTimeout)
			p.closeTimeout = m.parseCloseTimeout(val)
		default:
			m.throw("unknown WebSocket's option " + key)
		}
	}
	return p
}

func (m *Module) parseTags(obj *goja.Object) map[string]string {
	tags := map[string]string{}
	for _, k := range obj.Keys() {
		val := obj.Get(k)
		_, isBool := val.Export().(bool)
		switch {
		case goja.IsString(val), goja.IsNumber(val), isBool:
			tags[k] = val.String()
		default:
			m.throw(fmt.Sprintf("invalid WebSocket tags option: invalid value for metric tag '%s': "+
				"only String, Boolean and Number types are accepted as a metric tag values", k))
		}
	}
	return tags
}

// parseCloseTimeout reads milliseconds (a number) or a duration string.
func (m *Module) parseCloseTimeout(v goja.Value) time.Duration {
	var d time.Duration
	if goja.IsNumber(v) {
		ms := v.ToFloat()
		d = time.Duration(ms * float64(time.Millisecond))
		if ms != ms || ms <= 0 || ms > float64(24*time.Hour/time.Millisecond) {
			d = 0
		}
	} else if goja.IsString(v) {
		parsed, err := time.ParseDuration(v.String())
		if err == nil {
			d = parsed
		}
	}
	if d <= 0 {
		m.throw(fmt.Sprintf("invalid closeTimeout %s: a positive number of milliseconds or a duration string such as \"500ms\" is expected", v.String()))
	}
	return d
}

func isNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}
