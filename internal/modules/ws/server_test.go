package ws_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/websocket"
)

// newHeaderServer starts a WebSocket server that answers the handshake
// with what it saw (X-Got-User-Agent, X-Got-Cookie, X-Got-Host,
// X-Got-Custom), two Set-Cookie headers and a repeated X-Multi, picks the
// first offered subprotocol, negotiates compression, and echoes until the
// client closes. Its URL is ws://.
func newHeaderServer(t testing.TB) string {
	t.Helper()
	up := websocket.Upgrader{EnableCompression: true}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := http.Header{}
		_, hasUA := r.Header["User-Agent"]
		h.Set("X-Got-User-Agent", r.Header.Get("User-Agent"))
		if !hasUA {
			h.Set("X-Got-User-Agent", "<none>")
		}
		h.Set("X-Got-Cookie", r.Header.Get("Cookie"))
		h.Set("X-Got-Host", r.Host)
		h.Set("X-Got-Custom", r.Header.Get("X-Custom"))
		h["x-lower-raw"] = []string{"raw"}
		h.Add("X-Multi", "a")
		h.Add("X-Multi", "b")
		h.Add("Set-Cookie", "c1=v1; Path=/")
		h.Add("Set-Cookie", "c2=v2; Path=/")
		if offer := r.Header.Get("Sec-WebSocket-Protocol"); offer != "" {
			h.Set("Sec-WebSocket-Protocol", strings.TrimSpace(strings.Split(offer, ",")[0]))
		}
		c, err := up.Upgrade(w, r, h)
		if err != nil {
			return
		}
		defer c.Close()
		for {
			typ, data, err := c.ReadMessage()
			if err != nil {
				return
			}
			if err := c.WriteMessage(typ, data); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

// newRawServer starts a WebSocket server that, once upgraded, writes raw
// onto the connection and then does what after says: "reset" closes the
// TCP connection with an RST, anything else waits for the client to go.
func newRawServer(t testing.TB, raw []byte, after string) string {
	t.Helper()
	var up websocket.Upgrader
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		nc := c.NetConn()
		if _, err := nc.Write(raw); err != nil {
			return
		}
		if after == "reset" {
			if tc, ok := nc.(*net.TCPConn); ok {
				_ = tc.SetLinger(0)
			}
			return
		}
		for {
			if _, _, err := c.ReadMessage(); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}
