package websockets_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestHelperSoakServer is not a test: the soak benchmarks run the test
// binary again with WSTEST_SOAK_HELPER=1 to get their hostile server in
// another process, so that only the client's memory is measured. Routes:
//
//	/steady?rate=R&seconds=S&size=B  R messages of B bytes a second, paced every 10 ms, then close 1000
//	/flood?seconds=S&size=B          messages of B bytes as fast as TCP takes them, then close 1000
//	/bomb?mib=M                      one compressed message of M MiB of zeros
//	/stalled                         never reads
func TestHelperSoakServer(t *testing.T) {
	if os.Getenv("WSTEST_SOAK_HELPER") != "1" {
		t.Skip("helper process for the soak benchmarks")
	}
	up := websocket.Upgrader{EnableCompression: true}
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		q := r.URL.Query()
		num := func(k string) int { n, _ := strconv.Atoi(q.Get(k)); return n }
		bye := func() {
			_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""), time.Now().Add(5*time.Second))
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			for {
				if _, _, err := conn.ReadMessage(); err != nil {
					return
				}
			}
		}
		conn.EnableWriteCompression(false)
		switch r.URL.Path {
		case "/steady":
			msg := bytes.Repeat([]byte{'s'}, num("size"))
			perTick := num("rate") / 100
			end := time.Now().Add(time.Duration(num("seconds")) * time.Second)
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			for now := range tick.C {
				if now.After(end) {
					break
				}
				for range perTick {
					if conn.WriteMessage(websocket.TextMessage, msg) != nil {
						return
					}
				}
			}
			bye()
		case "/flood":
			msg := bytes.Repeat([]byte{'f'}, num("size"))
			end := time.Now().Add(time.Duration(num("seconds")) * time.Second)
			for time.Now().Before(end) {
				if conn.WriteMessage(websocket.TextMessage, msg) != nil {
					return
				}
			}
			bye()
		case "/bomb":
			conn.EnableWriteCompression(true)
			zeros := make([]byte, 1<<20)
			wr, err := conn.NextWriter(websocket.BinaryMessage)
			if err != nil {
				return
			}
			for range num("mib") {
				if _, err := wr.Write(zeros); err != nil {
					return
				}
			}
			_ = wr.Close()
			bye()
		case "/stalled":
			select {
			case <-stop:
			case <-time.After(time.Minute):
			}
		}
	}))
	fmt.Println("URL=" + "ws" + srv.URL[len("http"):])
	_, _ = io.Copy(io.Discard, os.Stdin)
	close(stop)
	srv.Close()
}
