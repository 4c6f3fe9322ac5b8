package ws

import (
	"errors"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"
)

// errorValue is the argument of error handlers: not a JS Error but an
// object whose error() returns the text (so does String(e)); a close from
// the peer with an unexpected code also has code and text (the reason).
func (s *socket) errorValue(err error) goja.Value {
	rt := s.m.rt
	text := err.Error()
	obj := rt.NewObject()
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		_ = obj.Set("code", ce.Code)
		_ = obj.Set("text", ce.Text)
	}
	_ = obj.Set("error", func() string { return text })
	_ = obj.DefineDataProperty("toString", rt.ToValue(func() string { return text }),
		goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}
