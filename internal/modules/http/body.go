package http

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// fileData is what http.file makes.
type fileData struct {
	data        []byte
	filename    string
	contentType string
}

// file(data, filename?, contentType?) makes a file for a multipart body.
func (m *Module) file(c goja.FunctionCall) goja.Value {
	fd := &fileData{filename: strconv.FormatInt(time.Now().UnixNano(), 10), contentType: "application/octet-stream"}
	data := c.Argument(0)
	switch x := data.Export().(type) {
	case string:
		fd.data = []byte(x)
	case goja.ArrayBuffer:
		fd.data = append([]byte(nil), x.Bytes()...)
	default:
		m.throwf("invalid type %T, expected string or ArrayBuffer", x)
	}
	if a := c.Argument(1); !goja.IsUndefined(a) {
		fd.filename = a.String()
	}
	if a := c.Argument(2); !goja.IsUndefined(a) {
		fd.contentType = a.String()
	}
	obj := m.rt.NewObject()
	_ = obj.Set("data", data)
	_ = obj.Set("filename", fd.filename)
	_ = obj.Set("content_type", fd.contentType)
	_ = obj.SetSymbol(m.fileKey, m.rt.ToValue(fd))
	return obj
}

// fileOf returns the file behind an http.file object, or nil.
func (m *Module) fileOf(v goja.Value) *fileData {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	fd, _ := symbolOf(o, m.fileKey).(*fileData)
	return fd
}

// body encodes a body argument: the bytes, the Content-Type k6 sets (""
// for none), and whether there is a body at all.
func (m *Module) body(v goja.Value) (data []byte, contentType string, has bool, err error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, "", false, nil
	}
	if m.fileOf(v) != nil {
		return nil, "", false, fmt.Errorf("unknown request body type *http.FileData")
	}
	switch x := v.Export().(type) {
	case string:
		return []byte(x), "", true, nil
	case goja.ArrayBuffer:
		return append([]byte(nil), x.Bytes()...), "", true, nil
	case []byte:
		return x, "", true, nil
	case map[string]any:
		return m.formBody(v.(*goja.Object))
	default:
		if o, ok := v.(*goja.Object); ok && o.ClassName() == "DataView" {
			return nil, "application/x-www-form-urlencoded", true, nil
		}
		return nil, "", false, fmt.Errorf("unknown request body type %T", x)
	}
}

// formValue formats a form value as k6 does (Go's %v of the exported value).
func formValue(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "<nil>"
	}
	return fmt.Sprint(v.Export())
}

// formBody encodes a plain object: urlencoded, or multipart when a value is
// an http.file.
func (m *Module) formBody(o *goja.Object) ([]byte, string, bool, error) {
	keys := o.Keys()
	multi := false
	for _, k := range keys {
		if m.fileOf(o.Get(k)) != nil {
			multi = true
		}
	}
	values := func(v goja.Value) []goja.Value {
		if a, ok := v.(*goja.Object); ok && a.ClassName() == "Array" {
			n := int(a.Get("length").ToInteger())
			out := make([]goja.Value, n)
			for i := range out {
				out[i] = a.Get(strconv.Itoa(i))
			}
			return out
		}
		return []goja.Value{v}
	}
	if !multi {
		form := url.Values{}
		for _, k := range keys {
			for _, v := range values(o.Get(k)) {
				form.Add(k, formValue(v))
			}
		}
		return []byte(form.Encode()), "application/x-www-form-urlencoded", true, nil
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	sort.Strings(keys)
	for _, k := range keys {
		v := o.Get(k)
		if fd := m.fileOf(v); fd != nil {
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, escapeQuotes(k), escapeQuotes(fd.filename)))
			h.Set("Content-Type", fd.contentType)
			part, _ := w.CreatePart(h) // writes to a buffer: cannot fail
			_, _ = part.Write(fd.data)
			continue
		}
		for _, item := range values(v) {
			_ = w.WriteField(k, formValue(item))
		}
	}
	_ = w.Close()
	return buf.Bytes(), w.FormDataContentType(), true, nil
}

func escapeQuotes(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}
