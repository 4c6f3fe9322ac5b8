package ws

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/dop251/goja"

	k6http "github.com/wsk6/wstest/internal/modules/http"
)

// params are connect's params argument, parsed as k6 reads them: only
// headers, tags, jar and compression count; other keys are ignored.
type params struct {
	header      http.Header
	tags        map[string]string
	jar         http.CookieJar
	compression bool
}

// parseParams reads params; its errors always throw.
func (m *Module) parseParams(v goja.Value) params {
	p := params{header: http.Header{}}
	if isNullish(v) {
		return p
	}
	obj := v.ToObject(m.rt)
	for _, key := range obj.Keys() {
		val := obj.Get(key)
		switch key {
		case "headers":
			h, ok := val.(*goja.Object)
			if !ok {
				continue
			}
			for _, name := range h.Keys() {
				p.header.Set(name, h.Get(name).String())
			}
		case "tags":
			if t, ok := val.(*goja.Object); ok {
				p.tags = m.parseTags(t)
			}
		case "jar":
			p.jar = k6http.JarOf(val)
		case "compression":
			algo := strings.TrimSpace(val.String())
			switch algo {
			case "":
			case "deflate":
				p.compression = true
			default:
				m.throw(fmt.Sprintf("unsupported compression algorithm '%s', supported algorithm is 'deflate'", algo))
			}
		}
	}
	return p
}

// parseTags reads the custom tags: strings, numbers and booleans only.
func (m *Module) parseTags(obj *goja.Object) map[string]string {
	tags := map[string]string{}
	for _, k := range obj.Keys() {
		val := obj.Get(k)
		_, isBool := val.Export().(bool)
		if !goja.IsString(val) && !goja.IsNumber(val) && !isBool {
			m.throw(fmt.Sprintf("invalid ws.connect() metric tags: invalid value for metric tag '%s': "+
				"only String, Boolean and Number types are accepted as a metric tag values", k))
		}
		tags[k] = val.String()
	}
	return tags
}

func isNullish(v goja.Value) bool {
	return v == nil || goja.IsUndefined(v) || goja.IsNull(v)
}
