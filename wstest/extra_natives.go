package wstest

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/bundle"
	k6http "github.com/wsk6/wstest/internal/modules/http"
	"github.com/wsk6/wstest/internal/modules/websockets"
	"github.com/wsk6/wstest/internal/vu"
)

// extraNatives are the network modules: k6/websockets under its three
// names (one Blob constructor per VU) and the cookie part of k6/http.
func (r *runner) extraNatives(v *vu.VU) map[string]bundle.NativeModule {
	var ws *websockets.Module
	wsPath := func(binaryType string) bundle.NativeModule {
		return func(*goja.Runtime) (goja.Value, error) {
			if ws == nil {
				ws = websockets.New(v)
			}
			return ws.Exports(binaryType), nil
		}
	}
	return map[string]bundle.NativeModule{
		"k6/websockets":              wsPath("blob"),
		"k6/x/websockets":            wsPath("blob"),
		"k6/experimental/websockets": wsPath(""),
		"k6/http": func(*goja.Runtime) (goja.Value, error) {
			return k6http.New(v), nil
		},
	}
}
