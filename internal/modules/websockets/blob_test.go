package websockets_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

// TestBlob: spec 6 with DECISIONS 5 (one constructor, File API slice
// clamping, DataView windows, stream() of Uint8Array chunks that does not
// drain the blob) and its error texts.
func TestBlob(t *testing.T) {
	g := NewWithT(t)
	res := run(t, nil, `
import { Blob } from "k6/websockets";
import { Blob as B2 } from "k6/x/websockets";
const dec = (b) => b.text();
export default async function () {
  const parts = [
    ["PASS"], ["P", "A", "SS"], [new Uint8Array([80, 65, 83, 83]).buffer], [new Int8Array([80, 65, 83, 83])],
    [new Uint8ClampedArray([80, 65, 83, 83])], [new Int16Array([0x4150, 0x5353])], [new Uint32Array([0x53534150])],
    [new DataView(new Uint8Array([0, 80, 65, 83, 83, 0]).buffer, 1, 4)], [new Blob(["PA"]), "SS"],
    [new Uint8Array([1, 80, 65, 83, 83]).subarray(1)],
  ];
  const out = [];
  for (const p of parts) out.push(await dec(new Blob(p)));
  console.log(out.join(","));
  const b = new Blob(["hello world"], { type: "text/example" });
  console.log(b instanceof Blob, Blob === B2, String(b), b.size, b.type, new Blob().size, JSON.stringify(new Blob([]).type));
  const s = async (...a) => JSON.stringify(await b.slice(...a).text());
  console.log(await s(), await s(6), await s(0, 5), await s(0, -6), await s(-5), await s(-100, 100), await s(8, 2), await s(100), await s(1.5, 3.9));
  const sl = b.slice(0, 1, "text/x");
  console.log(sl instanceof Blob, sl.type, b.slice(0, 1).type === "");
  const bytes = await b.bytes();
  const ab = await b.arrayBuffer();
  console.log(bytes instanceof Uint8Array, bytes.length, ab instanceof ArrayBuffer, ab.byteLength);
  const reader = b.stream().getReader();
  const first = await reader.read();
  const second = await reader.read();
  console.log(first.value instanceof Uint8Array, first.done, String.fromCharCode(...first.value), second.done, second.value, b.size, await b.text());
  const attempt = (label, f) => { try { f(); console.log(label, "ok"); } catch (e) { console.log(label, e.message); } };
  attempt("string parts", () => new Blob("abc"));
  attempt("number part", () => new Blob([1]));
  attempt("null options", () => new Blob([], null));
  attempt("string options", () => new Blob([], "x"));
  attempt("undefined options", () => new Blob([], undefined));
  attempt("no new", () => { if (!(Blob(["x"]) instanceof Blob)) throw new Error("not a Blob"); });
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		"PASS,PASS,PASS,PASS,PASS,PASS,PASS,PASS,PASS,PASS",
		`true true [object Blob] 11 text/example 0 ""`,
		`"hello world" "world" "hello" "hello" "world" "hello world" "" "" "el"`,
		"true text/x true",
		"true 11 true 11",
		"true false hello world true undefined 11 hello world",
		"string parts failed to process [blobParts]: could not convert abc to []interface {}",
		"number part failed to process [blobParts]: unsupported type: int64",
		"null options [options] must be an object",
		"string options [options] must be an object",
		"undefined options ok",
		"no new ok",
	}))
}

// TestBlobMessages: DECISIONS 5, received binary messages are Blobs of the
// one constructor, and a received Blob can be sent back.
func TestBlobMessages(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import { WebSocket, Blob } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  let n = 0;
  ws.onopen = () => ws.send(new Blob(["xyz"]));
  ws.onmessage = async (e) => {
    console.log(e.data instanceof Blob, e.data.size, await e.data.text());
    if (++n === 1) ws.send(e.data); else ws.close();
  };
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{"true 3 xyz", "true 3 xyz"}))
}
