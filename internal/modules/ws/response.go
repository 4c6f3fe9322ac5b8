package ws

import (
	"net/http"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// response makes connect's Response object: exactly url, status, headers,
// body and error, in that order. Its fields can be reassigned but none can
// be added or deleted. Header names are Go-canonical and repeated values
// are joined with ", ".
func (m *Module) response(rawURL string, status int, header http.Header, body, errText string) goja.Value {
	rt := m.rt
	headers := rt.NewObject()
	names := make([]string, 0, len(header))
	for name := range header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		_ = headers.Set(name, strings.Join(header[name], ", "))
	}
	obj := rt.NewObject()
	fields := []struct {
		name  string
		value any
	}{{"url", rawURL}, {"status", status}, {"headers", headers}, {"body", body}, {"error", errText}}
	for _, f := range fields {
		_ = obj.DefineDataProperty(f.name, rt.ToValue(f.value), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	if prevent, ok := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("preventExtensions")); ok {
		_, _ = prevent(goja.Undefined(), obj)
	}
	return obj
}
