package ws

import (
	"errors"
	"net"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"
)

// errorValue is the argument of error handlers: not a JS Error but an
// object whose error() returns the text (so does String(e)); a close from
// the peer with an unexpected code also has code and text (the reason),
// and a write that failed in the OS has the net error's keys, as in k6.
func (s *socket) errorValue(err error) goja.Value {
	rt := s.m.rt
	text := err.Error()
	obj := rt.NewObject()
	var ce *websocket.CloseError
	var oe *net.OpError
	switch {
	case errors.As(err, &ce):
		_ = obj.Set("code", ce.Code)
		_ = obj.Set("text", ce.Text)
	case errors.As(err, &oe):
		_ = obj.Set("op", oe.Op)
		_ = obj.Set("net", oe.Net)
		_ = obj.Set("source", addrValue(rt, oe.Source))
		_ = obj.Set("addr", addrValue(rt, oe.Addr))
		_ = obj.Set("err", oe.Err.Error())
	}
	_ = obj.Set("error", func() string { return text })
	if oe != nil && ce == nil {
		_ = obj.Set("temporary", oe.Temporary)
		_ = obj.Set("timeout", oe.Timeout)
		_ = obj.Set("unwrap", func() string { return oe.Err.Error() })
	}
	_ = obj.DefineDataProperty("toString", rt.ToValue(func() string { return text }),
		goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}

// addrValue is a net address as the script sees it: its text, or null.
func addrValue(rt *goja.Runtime, a net.Addr) goja.Value {
	if a == nil {
		return goja.Null()
	}
	return rt.ToValue(a.String())
}
