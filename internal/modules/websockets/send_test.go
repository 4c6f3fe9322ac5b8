package websockets_test

import (
	"strings"
	"sync"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// TestSendTypes: every accepted send type puts exactly its bytes on the
// wire (views with their offset and length, DataView included, DECISIONS
// 5), bufferedAmount counts them, and the echo comes back equal.
func TestSendTypes(t *testing.T) {
	srv := newServer(t)
	tests := []struct{ name, value, want string }{
		{"string", `"héllo"`, "text 6 héllo"},
		{"ArrayBuffer", `new Uint8Array([1,2,3]).buffer`, "binary 3 1,2,3"},
		{"Uint8Array subarray", `new Uint8Array([9,8,7,6]).subarray(1,3)`, "binary 2 8,7"},
		{"Int8Array", `new Int8Array([-1, 2])`, "binary 2 255,2"},
		{"Uint8ClampedArray", `new Uint8ClampedArray([300, 4])`, "binary 2 255,4"},
		{"Int16Array", `new Int16Array([0x4150, 0x5353])`, "binary 4 80,65,83,83"},
		{"Uint16Array", `new Uint16Array([0x0102])`, "binary 2 2,1"},
		{"Int32Array", `new Int32Array([0x53534150])`, "binary 4 80,65,83,83"},
		{"Uint32Array", `new Uint32Array([1])`, "binary 4 1,0,0,0"},
		{"Float32Array", `new Float32Array([1])`, "binary 4 0,0,128,63"},
		{"Float64Array", `new Float64Array([1])`, "binary 8 0,0,0,0,0,0,240,63"},
		{"DataView window", `new DataView(new Uint8Array([1,2,3,4]).buffer, 1, 2)`, "binary 2 2,3"},
		{"Blob", `new Blob(["PA", new Uint8Array([83, 83])])`, "binary 4 80,65,83,83"},
		{"empty string", `""`, "text 0 "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket, Blob } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = () => { ws.send(`+tc.value+`); console.log("buffered", ws.bufferedAmount); };
  ws.onmessage = (e) => {
    if (typeof e.data === "string") console.log("text", ws.bufferedAmount, e.data);
    else console.log("binary", ws.bufferedAmount, Array.from(new Uint8Array(e.data)).join(","));
    ws.close();
  };
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			// bufferedAmount is the payload size right after send, and 0
			// in the echo's handler.
			fields := strings.SplitN(tc.want, " ", 3)
			g.Expect(infoLogs(res)).To(Equal([]string{
				"buffered " + fields[1],
				fields[0] + " 0 " + fields[2],
			}))
		})
	}
}

// TestSendBadInput: send's type errors and InvalidStateError (spec 4.1).
func TestSendBadInput(t *testing.T) {
	srv := newServer(t)
	g := NewWithT(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
import { Blob as OtherBlob } from "k6/experimental/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  const attempt = (label, f) => { try { f(); console.log(label, "ok"); } catch (e) { console.log(label, e.name, e.message); } };
  attempt("connecting", () => ws.send("x"));
  attempt("ping connecting", () => ws.ping());
  ws.onopen = () => {
    attempt("number", () => ws.send(1));
    attempt("float", () => ws.send(1.5));
    attempt("null", () => ws.send(null));
    attempt("undefined", () => ws.send());
    attempt("bool", () => ws.send(true));
    attempt("object", () => ws.send({}));
    attempt("String object", () => ws.send(new String("x")));
    attempt("array", () => ws.send([1]));
    attempt("same Blob from other path", () => ws.send(new OtherBlob(["x"])));
    console.log("buffered", ws.bufferedAmount);
    ws.close();
    attempt("closing", () => ws.send("x"));
    attempt("ping closing", () => ws.ping());
  };
  ws.onclose = () => attempt("closed", () => ws.send("x"));
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		"connecting GoError InvalidStateError",
		"ping connecting GoError InvalidStateError",
		"number GoError unsupported send type int64",
		"float GoError unsupported send type float64",
		"null GoError unsupported send type <nil>",
		"undefined GoError unsupported send type <nil>",
		"bool GoError unsupported send type bool",
		"object GoError unsupported send type map[string]interface {}",
		"String object GoError unsupported send type map[string]interface {}",
		"array GoError unsupported send type []interface {}",
		"same Blob from other path ok",
		"buffered 1",
		"closing GoError InvalidStateError",
		"ping closing GoError InvalidStateError",
		"closed GoError InvalidStateError",
	}))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(1))
}

// TestSendCopies: DECISIONS 6, changing the buffer right after send does
// not change what was sent.
func TestSendCopies(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = () => { const a = new Uint8Array([1, 2, 3]); ws.send(a); a[0] = 9; ws.send(a.buffer); };
  let n = 0;
  ws.onmessage = (e) => { console.log(new Uint8Array(e.data).join(",")); if (++n === 2) ws.close(); };
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"1,2,3", "9,2,3"}))
}

// TestLargeMessagesInOrder: a peer that reads nothing for a while makes
// the kernel's buffers fill, so most of what the script sends waits in the
// spill buffer (bufferedAmount stays up in later tasks); once the peer
// reads, everything arrives whole and in order, text and binary, plain and
// over TLS, and bufferedAmount is back to 0.
func TestLargeMessagesInOrder(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run(map[bool]string{false: "ws", true: "wss"}[secure], func(t *testing.T) {
			g := NewWithT(t)
			gate := make(chan struct{})
			var open sync.Once
			url, opts := newGatedServer(t, gate, secure)
			// The peer starts reading once the script has seen its data
			// held back.
			opts = append(opts, wstest.WithLogOutput(func(e wstest.LogEntry) {
				if strings.HasPrefix(e.Message, "held") {
					open.Do(func() { close(gate) })
				}
			}))
			res := run(t, nil, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("`+url+`/gated");
  ws.binaryType = "arraybuffer";
  const big = (c) => c.repeat(8 << 20);
  const bytes = new Uint8Array(4 << 20);
  bytes[0] = 1; bytes[bytes.length >> 1] = 2; bytes[bytes.length - 1] = 3;
  const got = [];
  ws.onopen = () => {
    ws.send(big("a")); ws.send(bytes); ws.send(big("b"));
    console.log("queued", ws.bufferedAmount);
    setTimeout(() => console.log("held", ws.bufferedAmount > 0), 20);
  };
  ws.onmessage = (e) => {
    if (typeof e.data === "string") got.push(e.data.length + e.data[0] + e.data[e.data.length - 1]);
    else { const b = new Uint8Array(e.data); got.push(b.length + ":" + [b[0], b[b.length >> 1], b[b.length - 1]]); }
    if (got.length === 3) { console.log(got.join(" "), ws.bufferedAmount); ws.close(); }
  };
}`, opts...)
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal([]string{
				"queued 20971520",
				"held true",
				"8388608aa 4194304:1,2,3 8388608bb 0",
			}))
		})
	}
}
