package websockets_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// wireServer serves the peers of the wire-safety tests (ws://, with
// permessage-deflate when the client asks). Routes:
//
//	/echo         echoes
//	/big?n=N      sends one binary message of N bytes of zeros, then echoes
//	/flood?n=N&size=S  sends N binary messages of S bytes, then closes 1000
//	/stalled      sends, once the flood's writer has made no progress for a
//	              while, the bytes it had written by then
//
// closes gets each close frame a peer receives.
type wireServer struct {
	url       string
	closes    chan closeFrame
	written   atomic.Int64 // bytes the flood has written
	floodDone chan struct{}
}

func newWireServer(t testing.TB) *wireServer {
	t.Helper()
	ws := &wireServer{floodDone: make(chan struct{}), closes: make(chan closeFrame, 64)}
	up := websocket.Upgrader{EnableCompression: true}
	stop := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/stalled", func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		// The writer has stalled once its count stays put for 300 ms.
		last := int64(-1)
		for {
			n := ws.written.Load()
			if n == last {
				break
			}
			last = n
			select {
			case <-ws.floodDone:
			case <-time.After(300 * time.Millisecond):
				continue
			case <-stop:
			}
			break
		}
		_ = conn.WriteMessage(websocket.TextMessage, []byte(strconv.FormatInt(ws.written.Load(), 10)))
		_, _, _ = conn.ReadMessage() // the client's close
	})
	handle := func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		conn.SetCloseHandler(func(code int, reason string) error {
			select {
			case ws.closes <- closeFrame{code, reason}:
			default:
			}
			_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), time.Now().Add(time.Second))
			return nil
		})
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		switch r.URL.Path {
		case "/big":
			_ = conn.WriteMessage(websocket.BinaryMessage, make([]byte, n))
		case "/flood":
			size, _ := strconv.Atoi(r.URL.Query().Get("size"))
			msg := bytes.Repeat([]byte{'x'}, size)
			conn.EnableWriteCompression(false)
			for i := 0; i < n; i++ {
				if err := conn.WriteMessage(websocket.BinaryMessage, msg); err != nil {
					return
				}
				ws.written.Add(int64(size))
			}
			close(ws.floodDone)
			_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, "done"), time.Now().Add(5*time.Second))
		}
		_ = conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		for {
			typ, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			_ = conn.WriteMessage(typ, data)
		}
	}
	mux.HandleFunc("/echo", handle)
	mux.HandleFunc("/big", handle)
	mux.HandleFunc("/flood", handle)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	ws.url = wsURL(srv)
	return ws
}

// closeFrame is a close frame's status code and reason.
type closeFrame struct {
	code   int
	reason string
}

// nextClose waits for the next close frame a peer receives.
func (ws *wireServer) nextClose(t testing.TB) int {
	t.Helper()
	return ws.nextCloseFrame(t).code
}

// nextCloseFrame waits for the next close frame a peer receives.
func (ws *wireServer) nextCloseFrame(t testing.TB) closeFrame {
	t.Helper()
	select {
	case f := <-ws.closes:
		return f
	case <-time.After(10 * time.Second):
		t.Fatal("the server got no close frame")
		return closeFrame{}
	}
}
