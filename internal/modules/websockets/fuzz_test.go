package websockets_test

import (
	"context"
	"encoding/base64"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/modules/modulestest"
	"github.com/wsk6/wstest/internal/modules/wsconn"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/internal/vu"
	"github.com/wsk6/wstest/wstest"
)

// FuzzConstructor: whatever the url and params (JSON), the constructor
// either throws an ordinary error or makes a socket that ends with a
// close event; a socket is only made for a URL with a host and a valid
// port. Every dial goes to a local server, whatever the host.
func FuzzConstructor(f *testing.F) {
	for _, seed := range [][2]string{
		{"ws://a.test/echo", "null"}, {"wss://a.test/echo", "{}"}, {"ws://", "null"}, {"wss:///echo", "null"},
		{"ws://:8080/", "null"}, {"ws://a.test:70000/", "null"}, {"ws://a.test:0/", "null"}, {"ws://[::1", "null"},
		{"http://a.test/", "null"}, {"/foo", "null"}, {"ws://a.test/#frag", "null"}, {"ws://u:p@a.test/", "null"},
		{"ws://a.test/echo", `{"foo": 1}`}, {"ws://a.test/echo", `{"tags": {"a": {}}}`},
		{"ws://a.test/echo", `{"compression": "deflate "}`}, {"ws://a.test/echo", `{"compression": null}`},
		{"ws://a.test/echo", `{"closeTimeout": "1s"}`}, {"ws://a.test/echo", `{"closeTimeout": -1}`},
		{"ws://a.test/echo", `{"headers": {"Upgrade": "x", "X-A": "b"}}`}, {"ws://a.test/echo", `{"headers": {"X-A": "\u0000\n"}}`},
		{"ws://[::1]:1/", "null"}, {"ws://a.test:65535/", "null"}, {"WS://A.TEST/echo", "null"}, {"ws://a b/", "null"},
	} {
		f.Add(seed[0], seed[1])
	}
	addr := newEchoOnlyServer(f)
	var dialer net.Dialer
	f.Fuzz(func(t *testing.T, rawURL, params string) {
		h := modulestest.New(t, modulestest.WithEnv("U", rawURL), modulestest.WithEnv("P", params),
			modulestest.WithSettings(func(s *vu.Settings) {
				s.Dial = func(ctx context.Context, network, _ string, _ bool, _ net.IP) (net.Conn, error) {
					return dialer.DialContext(ctx, network, addr)
				}
			}))
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		err := h.Run(ctx, `
import { WebSocket } from "k6/websockets";
export default function () {
  let params;
  try { params = JSON.parse(__ENV.P); } catch (e) { params = undefined; }
  let ws;
  try { ws = new WebSocket(__ENV.U, null, params); }
  catch (e) { console.log("threw " + e.name); return; }
  ws.onopen = () => ws.close();
  ws.onerror = () => {};
  ws.onclose = (e) => console.log("closed " + e.code);
}`)
		if err != nil {
			t.Fatalf("url %q params %q: %v", rawURL, params, err)
		}
		logs := h.Logs()
		if len(logs) != 1 {
			t.Fatalf("url %q params %q: logs %q", rawURL, params, logs)
		}
		switch {
		case logs[0] == "info: threw GoError" || logs[0] == "info: threw TypeError":
		case strings.HasPrefix(logs[0], "info: closed "):
			u, err := url.Parse(rawURL)
			if err != nil || u.Hostname() == "" {
				t.Fatalf("a socket was made for %q, which has no host", rawURL)
			}
			if p := u.Port(); p != "" {
				if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
					t.Fatalf("a socket was made for %q, whose port is not valid", rawURL)
				}
			}
		default:
			t.Fatalf("url %q params %q: logs %q", rawURL, params, logs)
		}
	})
}

// newEchoOnlyServer serves one echo on every path (a fuzzed URL may name
// any path); it returns the server's address.
func newEchoOnlyServer(t testing.TB) string {
	up := websocket.Upgrader{EnableCompression: true}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		for {
			typ, data, err := conn.ReadMessage()
			if err != nil {
				return
			}
			_ = conn.WriteMessage(typ, data)
		}
	}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// FuzzCloseCodeReason: close(code, reason) on a live socket either throws
// (a code other than 1000 or 3000 to 4999, a reason over 123 bytes) or
// the server gets exactly that code and the reason as valid UTF-8.
func FuzzCloseCodeReason(f *testing.F) {
	for _, seed := range []struct {
		code   int64
		reason string
	}{
		{0, ""}, {1000, "bye"}, {1001, ""}, {2999, ""}, {3000, "x"}, {4999, ""}, {5000, ""}, {-1, ""}, {1 << 40, ""},
		{1000, strings.Repeat("a", 123)}, {1000, strings.Repeat("a", 124)}, {1000, strings.Repeat("é", 61)},
		{1000, strings.Repeat("é", 62)}, {1000, "a\xffb"}, {1000, strings.Repeat("\xff", 41)}, {1000, strings.Repeat("\xff", 42)},
		{4000, "\xed\xa0\x80"}, {1000, "\x00"},
	} {
		f.Add(seed.code, seed.reason)
	}
	srv := newWireServer(f)
	f.Fuzz(func(t *testing.T, code int64, reason string) {
		res := scripttest.Run(t, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => {
    try { ws.close(Number(__ENV.C), __ENV.R); } catch (e) { console.log("threw " + e.name); ws.close(); }
  };
  ws.onclose = (e) => console.log("closed " + e.code);
}`, wstest.WithEnv("URL", srv.url), wstest.WithEnv("C", strconv.FormatInt(code, 10)), wstest.WithEnv("R", reason))
		logs := infoLogs(res)
		valid := code == 0 || code == 1000 || (code >= 3000 && code <= 4999)
		want := wsconn.ValidUTF8(reason)
		frame := srv.nextCloseFrame(t)
		if !valid || len(want) > 123 {
			if len(logs) == 0 || logs[0] != "threw GoError" || frame.code != 1000 || frame.reason != "" {
				t.Fatalf("close(%d, %q): logs %q, the server got %v; want a throw", code, reason, logs, frame)
			}
			return
		}
		if code == 0 {
			code = 1000
		}
		if frame.code != int(code) || frame.reason != want {
			t.Fatalf("close(%d, %q): the server got %d %q, want %q; logs %q", code, reason, frame.code, frame.reason, want, logs)
		}
	})
}

// FuzzEchoPayload: any payload sent as binary comes back byte for byte,
// and as text comes back as its valid UTF-8 form, through the echo
// fixture.
func FuzzEchoPayload(f *testing.F) {
	for _, seed := range []string{"", "a", "é", "\x00", "a\xffb", "\xed\xa0\x80", "\xf4\x90\x80\x80", strings.Repeat("xy", 40000)} {
		f.Add([]byte(seed))
	}
	srv := newServer(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res := run(t, srv, `
import { WebSocket } from "k6/websockets";
import { b64encode, b64decode } from "k6/encoding";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  let n = 0;
  ws.onopen = () => { ws.send(b64decode(__ENV.B, "std")); ws.send(__ENV.T); };
  ws.onmessage = (e) => {
    console.log(typeof e.data === "string" ? "text " + b64encode(e.data, "std") : "binary " + b64encode(e.data, "std"));
    if (++n === 2) ws.close();
  };
  ws.onerror = (e) => console.log("error " + e.error);
}`, wstest.WithEnv("B", base64.StdEncoding.EncodeToString(data)), wstest.WithEnv("T", string(data)))
		want := []string{
			"binary " + base64.StdEncoding.EncodeToString(data),
			"text " + base64.StdEncoding.EncodeToString([]byte(wsconn.ValidUTF8(string(data)))),
		}
		if got := infoLogs(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%q: got %q, want %q", data, got, want)
		}
	})
}
