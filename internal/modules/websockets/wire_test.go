package websockets_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// bigScript opens __ENV.URL + path and logs each event; the socket asks
// for compression when __ENV.DEFLATE is set.
const bigScript = `
import { WebSocket } from "k6/websockets";
export default function () {
  const params = __ENV.DEFLATE ? { compression: "deflate" } : {};
  const ws = new WebSocket(__ENV.URL + __ENV.PATH, null, params);
  ws.binaryType = "arraybuffer";
  ws.onmessage = (e) => { console.log("message " + e.data.byteLength); ws.close(); };
  ws.onerror = (e) => console.log("error " + e.error);
  ws.onclose = (e) => console.log("close " + e.code);
}
`

// TestMaxMessageSize: a message at the limit arrives; one byte more fails
// the connection with an error event and close 1009, and the server gets
// close 1009.
func TestMaxMessageSize(t *testing.T) {
	srv := newWireServer(t)
	for _, deflate := range []string{"", "1"} {
		res := scripttest.Run(t, bigScript, wstest.WithEnv("URL", srv.url), wstest.WithEnv("PATH", "/big?n=1000"),
			wstest.WithEnv("DEFLATE", deflate), wstest.WithMaxMessageSize(1000))
		if got := strings.Join(infoLogs(res), "|"); got != "message 1000|close 1000" {
			t.Errorf("deflate %q, at the limit: %s", deflate, got)
		}
		if code := srv.nextClose(t); code != 1000 {
			t.Errorf("deflate %q: the server got close %d, want 1000", deflate, code)
		}
		res = scripttest.Run(t, bigScript, wstest.WithEnv("URL", srv.url), wstest.WithEnv("PATH", "/big?n=1001"),
			wstest.WithEnv("DEFLATE", deflate), wstest.WithMaxMessageSize(1000))
		got := infoLogs(res)
		if len(got) != 2 || !strings.HasPrefix(got[0], "error websocket: message too big: more than 1000 bytes") || got[1] != "close 1009" {
			t.Errorf("deflate %q, over the limit: %q", deflate, got)
		}
		if code := srv.nextClose(t); code != 1009 {
			t.Errorf("deflate %q: the server got close %d, want 1009", deflate, code)
		}
	}
}

// TestDecompressionBomb: 64 MiB of zeros, a few kilobytes on the wire, are
// refused at the default limit's scale without being held.
func TestDecompressionBomb(t *testing.T) {
	srv := newWireServer(t)
	res := scripttest.Run(t, bigScript, wstest.WithEnv("URL", srv.url), wstest.WithEnv("PATH", "/big?n=67108864"),
		wstest.WithEnv("DEFLATE", "1"), wstest.WithMaxMessageSize(1<<20))
	got := infoLogs(res)
	if len(got) != 2 || !strings.Contains(got[0], "message too big") || got[1] != "close 1009" {
		t.Errorf("logs %q", got)
	}
	if n := count(res, "ws_msgs_received"); n != 0 {
		t.Errorf("ws_msgs_received = %d", n)
	}
	if code := srv.nextClose(t); code != 1009 {
		t.Errorf("the server got close %d, want 1009", code)
	}
}

// floodScript blocks its loop on the first message until the flooding
// server has stalled (k6/ws's connect is synchronous), then counts
// everything.
const floodScript = `
import { WebSocket } from "k6/websockets";
import legacy from "k6/ws";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/flood?size=65536&n=" + __ENV.N);
  ws.binaryType = "arraybuffer";
  let n = 0, bytes = 0;
  ws.onmessage = (e) => {
    if (n++ === 0) legacy.connect(__ENV.URL + "/stalled", null, (s) => {
      s.on("message", (m) => { console.log("stalled at " + m); s.close(); });
    });
    bytes += e.data.byteLength;
  };
  ws.onclose = (e) => console.log("received " + n + " " + bytes + " close " + e.code);
}
`

// TestReceiveBackpressure: while the handler does not keep up, the socket
// stops reading once the VU holds the backlog's bound, so the server
// stalls long before it has sent everything; then every message arrives.
// Without the bound the client reads all 64 MiB while the handler is busy.
func TestReceiveBackpressure(t *testing.T) {
	const n, total = 1024, 1024 << 16
	for _, tc := range []struct {
		backlog int64
		stalled func(int64) bool
	}{
		{1 << 20, func(b int64) bool { return b < total/2 }},
		{0, func(b int64) bool { return b == total }},
	} {
		srv := newWireServer(t)
		res := scripttest.Run(t, floodScript, wstest.WithEnv("URL", srv.url), wstest.WithEnv("N", strconv.Itoa(n)), wstest.WithReceiveBacklog(tc.backlog))
		got := infoLogs(res)
		if len(got) != 2 || got[1] != fmt.Sprintf("received %d %d close 1000", n, total) {
			t.Fatalf("backlog %d: logs %q errors %q", tc.backlog, got, errorTexts(res))
		}
		at, _ := strconv.ParseInt(strings.TrimPrefix(got[0], "stalled at "), 10, 64)
		if !tc.stalled(at) {
			t.Errorf("backlog %d: the server had written %d of %d bytes when it stalled", tc.backlog, at, total)
		}
		t.Logf("backlog %d: the server stalled after %d bytes", tc.backlog, at)
	}
}

// TestLegacyMaxMessageSize: k6/ws has the same limit: an error event, then
// close 1009 (sent to the server too).
func TestLegacyMaxMessageSize(t *testing.T) {
	srv := newWireServer(t)
	res := scripttest.Run(t, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/big?n=" + __ENV.N, { compression: "deflate" }, (s) => {
    s.on("binaryMessage", (m) => { console.log("message " + m.byteLength); s.close(); });
    s.on("error", (e) => console.log("error " + e.error()));
    s.on("close", (c) => console.log("close " + c));
  });
}`, wstest.WithEnv("URL", srv.url), wstest.WithEnv("N", "16777216"), wstest.WithMaxMessageSize(1<<20))
	got := infoLogs(res)
	if len(got) != 2 || !strings.HasPrefix(got[0], "error websocket: message too big: more than 1048576 bytes") || got[1] != "close 1009" {
		t.Errorf("logs %q", got)
	}
	if code := srv.nextClose(t); code != 1009 {
		t.Errorf("the server got close %d, want 1009", code)
	}
}

// TestBackpressureEndsCleanly: a reader held back by the backlog lets go
// when the script closes the socket (the rest is read and not
// dispatched) and when an exception ends the iteration (goleak in
// TestMain checks that no reader is left behind).
func TestBackpressureEndsCleanly(t *testing.T) {
	srv := newWireServer(t)
	for _, tc := range []struct{ name, onFirst, want string }{
		{"close", `ws.close();`, "close 1000"},
		{"exception", `throw new Error("stop");`, "close 1006"}, // listenerFailed: error and close, then the exception
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := scripttest.RunErr(t, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/flood?size=65536&n=256");
  ws.binaryType = "arraybuffer";
  let n = 0;
  ws.onmessage = () => { if (n++ === 0) { `+tc.onFirst+` } };
  ws.onclose = (e) => console.log("close " + e.code);
}`, wstest.WithEnv("URL", srv.url), wstest.WithReceiveBacklog(64<<10))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(infoLogs(res), "|"); got != tc.want {
				t.Errorf("logs %q, want %q (errors %q)", got, tc.want, errorTexts(res))
			}
		})
	}
}
