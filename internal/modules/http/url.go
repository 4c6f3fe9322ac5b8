package http

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/dop251/goja"
)

// urlTag is what the http.url template tag makes: the URL and the name
// that tags its requests' metrics.
type urlTag struct{ name, url string }

// url is the tagged template http.url`...${x}...`.
func (m *Module) url(c goja.FunctionCall) goja.Value {
	strs := c.Argument(0).ToObject(m.rt)
	n := int(strs.Get("length").ToInteger())
	var name, full strings.Builder
	for i := 0; i < n; i++ {
		part := strs.Get(fmt.Sprint(i)).String()
		name.WriteString(part)
		full.WriteString(part)
		if i+1 < n {
			name.WriteString("${}")
			full.WriteString(c.Argument(i + 1).String())
		}
	}
	u, err := url.Parse(full.String())
	if err != nil {
		m.throwf("invalid URL: %v", err)
	}
	t := &urlTag{name: name.String(), url: full.String()}
	obj := m.rt.NewObject()
	_ = obj.Set("name", t.name)
	_ = obj.Set("url", t.url)
	_ = obj.Set("clean_url", maskURL(u))
	_ = obj.Set("clean", func() string { return maskURL(u) })
	_ = obj.Set("getURL", func() string { return t.url })
	_ = obj.SetSymbol(m.urlKey, m.rt.ToValue(t))
	return obj
}

// maskURL returns u with its credentials masked, as in the url tag.
func maskURL(u *url.URL) string {
	if u.User == nil {
		return u.String()
	}
	c := *u
	if _, has := u.User.Password(); has {
		c.User = url.UserPassword("****", "****")
	} else {
		c.User = url.User("****")
	}
	s := c.String()
	return strings.Replace(s, "%2A%2A%2A%2A", "****", -1)
}

// urlArg reads a request's URL argument: a string or an http.url object.
// It returns the URL, the template's name ("" for none) and an error with
// k6's text.
func (m *Module) urlArg(v goja.Value) (*url.URL, string, error) {
	var raw, name string
	if o, ok := v.(*goja.Object); ok {
		if t, ok := symbolOf(o, m.urlKey).(*urlTag); ok {
			raw, name = t.url, t.name
		}
	}
	if raw == "" {
		s, ok := exportOf(v).(string)
		if !ok {
			return nil, "", fmt.Errorf("invalid URL: '#%v'", exportOf(v))
		}
		raw = s
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", fmt.Errorf("invalid URL: %w", err)
	}
	if name == raw {
		name = ""
	}
	return u, name, nil
}

func exportOf(v goja.Value) any {
	if v == nil {
		return nil
	}
	return v.Export()
}

// symbolOf returns the Go value an object holds under key, or nil.
func symbolOf(o *goja.Object, key *goja.Symbol) any {
	v := o.GetSymbol(key)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v.Export()
}
