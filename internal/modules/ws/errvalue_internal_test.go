package ws

import (
	"errors"
	"net"
	"testing"

	"github.com/dop251/goja"
)

// A write that failed in the OS reaches the error handlers with the keys
// k6 gives a net error (spec ws-legacy.md 2.4).
func TestErrorValueOfAnOSWriteError(t *testing.T) {
	rt := goja.New()
	s := &socket{m: &Module{rt: rt}}
	err := &net.OpError{Op: "write", Net: "tcp",
		Source: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 42530},
		Addr:   &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 33017},
		Err:    errors.New("write: broken pipe")}
	_ = rt.Set("e", s.errorValue(err))
	got, runErr := rt.RunString(`JSON.stringify([Object.keys(e), e.op, e.net, e.source, e.addr, e.error(), String(e), e.timeout(), e.unwrap()])`)
	if runErr != nil {
		t.Fatal(runErr)
	}
	want := `[["op","net","source","addr","err","error","temporary","timeout","unwrap"],"write","tcp","127.0.0.1:42530","127.0.0.1:33017",` +
		`"write tcp 127.0.0.1:42530->127.0.0.1:33017: write: broken pipe","write tcp 127.0.0.1:42530->127.0.0.1:33017: write: broken pipe",false,"write: broken pipe"]`
	if got.String() != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
