package websockets_test

import (
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/wstest"
)

// newHostileServer serves misbehaving WebSocket peers that the fixtures do
// not offer; its URL is ws://. Routes:
//
//	/silent    upgrades, then never reads: a close frame is never answered
//	/stalled   upgrades, then never reads from the TCP connection at all
//	/gated     upgrades, reads nothing until the gate (if any) is open, then echoes
//	/badutf8   sends "ok", then a text frame that is not UTF-8
//	/pong      sends an unsolicited pong, then "after", then echoes
//	/badclose  sends a close frame with the invalid code 999
func newHostileServer(t testing.TB) string {
	t.Helper()
	return wsURL(startHostile(t, httptest.NewServer, nil))
}

// newGatedServer is newHostileServer, over TLS if secure, whose /gated
// route reads nothing until gate is closed; opts trust its certificate.
func newGatedServer(t testing.TB, gate <-chan struct{}, secure bool) (url string, opts []wstest.Option) {
	t.Helper()
	if !secure {
		return wsURL(startHostile(t, httptest.NewServer, gate)), nil
	}
	srv := startHostile(t, httptest.NewTLSServer, gate)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return wsURL(srv), []wstest.Option{wstest.WithRootCAs(pool)}
}

func wsURL(srv *httptest.Server) string { return "ws" + strings.TrimPrefix(srv.URL, "http") }

func startHostile(t testing.TB, start func(http.Handler) *httptest.Server, gate <-chan struct{}) *httptest.Server {
	up := websocket.Upgrader{}
	stop := make(chan struct{})
	srv := start(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		deadline := time.Now().Add(5 * time.Second)
		switch r.URL.Path {
		case "/stalled":
			select {
			case <-stop:
			case <-time.After(20 * time.Second):
			}
			return
		case "/gated":
			select { // a peer busy elsewhere: the client's writes pile up
			case <-gate:
			case <-stop:
				return
			case <-time.After(20 * time.Second):
			}
		case "/silent":
			_ = conn.NetConn().SetReadDeadline(time.Now().Add(20 * time.Second))
			_, _ = io.Copy(io.Discard, conn.NetConn())
			return
		case "/badutf8":
			_ = conn.WriteMessage(websocket.TextMessage, []byte("ok"))
			_ = conn.WriteMessage(websocket.TextMessage, []byte{'a', 0xff, 0xfe})
		case "/pong":
			_ = conn.WriteControl(websocket.PongMessage, []byte("zzz"), deadline)
			_ = conn.WriteMessage(websocket.TextMessage, []byte("after"))
		case "/badclose":
			_ = conn.WriteControl(websocket.CloseMessage, []byte{0x03, 0xe7}, deadline)
		}
		_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		for {
			typ, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			_ = conn.WriteMessage(typ, data)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) }) // runs first: /stalled handlers return
	return srv
}
