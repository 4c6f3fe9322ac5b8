package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestSendConvertsToText(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    socket.send(123);
    socket.send({ a: 1 });
    socket.send(new Uint8Array([65, 66]));
    socket.send(new ArrayBuffer(2));
    socket.send(null);
    socket.send();
    socket.send("héllo ✓");
    console.log(socket.send("x"));
    let n = 0;
    socket.on("message", (m) => { console.log(JSON.stringify(m)); if (++n === 8) socket.close(); });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"undefined", `"123"`, `"[object Object]"`, `"65,66"`,
		`"[object ArrayBuffer]"`, `""`, `""`, `"héllo ✓"`, `"x"`}))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(8))
	g.Expect(count(res, "ws_msgs_received")).To(BeEquivalentTo(8))
}

func TestSendBinaryAcceptsOnlyArrayBuffers(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", function (socket) {
    const tryIt = (...args) => { try { socket.sendBinary(...args); console.log("ok"); } catch (e) { console.log(e.message); } };
    tryIt();
    for (const v of [undefined, null, true, 1, 3.14, "s", [1], new Uint8Array(1), new DataView(new ArrayBuffer(1)),
                     Symbol("s"), () => 1, {}, Object.create(null)]) {
      tryIt(v);
    }
    const u8 = new Uint8Array([1, 2, 3, 4]);
    tryIt(u8.subarray(2).buffer);
    tryIt(new ArrayBuffer(0));
    let n = 0;
    socket.on("binaryMessage", (b) => { console.log("got " + b.byteLength); if (++n === 2) socket.close(); });
  });
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	pre := "expected ArrayBuffer as argument, received: "
	g.Expect(infoLogs(res)).To(Equal([]string{"missing argument, expected ArrayBuffer",
		pre + "undefined", pre + "null", pre + "Boolean", pre + "Number", pre + "Number", pre + "String", pre + "Array",
		pre + "Uint8Array", pre + "DataView", pre + "Symbol", pre + "Function", pre + "Object", pre + "Object",
		"ok", "ok", "got 4", "got 0"}))
	g.Expect(count(res, "ws_msgs_sent")).To(BeEquivalentTo(2))
}
