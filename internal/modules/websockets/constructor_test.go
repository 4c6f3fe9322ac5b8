package websockets_test

import (
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// TestConstructorErrors is the constructor's bad-input matrix (spec 2.2,
// 2.4, DECISIONS 8): each case must throw a GoError with this exact text.
func TestConstructorErrors(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name, args, want string
	}{
		{"no url", ``, `WebSocket requires a url`},
		{"undefined url", `undefined`, `WebSocket requires a url`},
		{"null url", `null`, `WebSocket requires a url`},
		{"unparsable url", `"ws://[::1"`, `WebSocket requires valid url, but got "ws://[::1" which resulted in parse "ws://[::1": missing ']' in host`},
		{"http scheme", `"http://127.0.0.1/"`, `WebSocket requires url with scheme ws or wss, but got "http"`},
		{"relative url", `"/foo"`, `WebSocket requires url with scheme ws or wss, but got ""`},
		{"fragment", `"ws://127.0.0.1/#frag"`, `WebSocket requires no url fragment, but got "frag"`},
		{"no host", `"ws://"`, `WebSocket requires url with a host, but got "ws://"`},
		{"no host, a path", `"wss:///echo"`, `WebSocket requires url with a host, but got "wss:///echo"`},
		{"port only", `"ws://:8080/"`, `WebSocket requires url with a host, but got "ws://:8080/"`},
		{"port too big", `"ws://127.0.0.1:70000/"`, `WebSocket requires valid url, but got "ws://127.0.0.1:70000/" which resulted in invalid port "70000"`},
		{"port zero", `"ws://127.0.0.1:0/"`, `WebSocket requires valid url, but got "ws://127.0.0.1:0/" which resulted in invalid port "0"`},
		{"unknown option", `URL, null, {foo: 1}`, `unknown WebSocket's option foo`},
		{"bad tag value", `URL, null, {tags: {a: {}}}`, `invalid WebSocket tags option: invalid value for metric tag 'a': only String, Boolean and Number types are accepted as a metric tag values`},
		{"compression gzip", `URL, null, {compression: "gzip"}`, `unsupported compression algorithm 'gzip', supported algorithm is 'deflate'`},
		{"compression empty", `URL, null, {compression: ""}`, `unsupported compression algorithm '', supported algorithm is 'deflate'`},
		{"compression null", `URL, null, {compression: null}`, `unsupported compression algorithm 'null', supported algorithm is 'deflate'`},
		{"compression list", `URL, null, {compression: "deflate, "}`, `unsupported compression algorithm 'deflate,', supported algorithm is 'deflate'`},
		{"closeTimeout bad string", `URL, null, {closeTimeout: "soon"}`, `invalid closeTimeout soon: a positive number of milliseconds or a duration string such as "500ms" is expected`},
		{"closeTimeout negative", `URL, null, {closeTimeout: -1}`, `invalid closeTimeout -1: a positive number of milliseconds or a duration string such as "500ms" is expected`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
const URL = __ENV.URL + "/echo";
export default function () {
  try { new WebSocket(`+tc.args+`); console.log("no throw"); }
  catch (e) { console.log(e.name + ": " + e.message); }
}`)
			g.Expect(infoLogs(res)).To(Equal([]string{"GoError: " + tc.want}))
			g.Expect(res.Events).To(BeEmpty())
		})
	}
}

// TestConstructorAccepted lists values that must not throw, and that the
// socket then works (compression "deflate " and closeTimeout forms).
func TestConstructorAccepted(t *testing.T) {
	srv := newServer(t)
	for _, params := range []string{
		`{compression: "deflate "}`, `{closeTimeout: 250}`, `{closeTimeout: "1s"}`, `{headers: null, tags: null, jar: 5}`, `null`, `undefined`,
	} {
		t.Run(params, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo", null, `+params+`);
  ws.onopen = () => ws.close();
  ws.onclose = (e) => console.log("close", e.code);
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal([]string{"close 1000"}))
		})
	}
}

// TestInitContext: DECISIONS 12.
func TestInitContext(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	_, err := runErr(t, srv, `
import { WebSocket } from "k6/websockets";
new WebSocket(__ENV.URL + "/echo");
export default function () {}
`)
	g.Expect(err).To(MatchError(ContainSubstring("WebSocket can't be created in the init context")))
}

// TestClassShape: DECISIONS 3 (constants, instanceof), plain call without
// new, the property values before the handshake, and read-only url.
func TestClassShape(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
"use strict";
import { WebSocket, Blob } from "k6/websockets";
import def from "k6/websockets";
export default function () {
  const ws = WebSocket(__ENV.URL + "/echo?x=1");
  console.log(ws instanceof WebSocket, WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED,
    ws.CONNECTING, ws.OPEN, ws.CLOSING, ws.CLOSED);
  console.log(ws.url, ws.readyState, typeof ws.readyState, JSON.stringify(ws.extensions), JSON.stringify(ws.protocol),
    ws.bufferedAmount, ws.binaryType, ws.onopen, ws.onmessage, ws.onerror, ws.onclose, ws.onping, ws.onpong);
  try { ws.url = "x"; } catch (e) { console.log(e.name); }
  console.log(ws.url === __ENV.URL + "/echo?x=1", def.WebSocket === WebSocket, def.Blob === Blob, String(ws));
  switch (ws.readyState) { case WebSocket.CONNECTING: console.log("switch ok"); }
  ws.close();
}`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		"true 0 1 2 3 0 1 2 3",
		srv.URL + `/echo?x=1 0 number [] "" 0 blob null null null null null null`,
		"TypeError",
		"true true true [object WebSocket]",
		"switch ok",
	}))
}

// TestBinaryTypeDefaults: "blob" for k6/websockets and k6/x/websockets,
// "" for k6/experimental/websockets (ArrayBuffer plus one warning per
// socket); the setter's error text.
func TestBinaryTypeDefaults(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		path, def, kind string
		warnings        int
	}{
		{"k6/websockets", "blob", "Blob", 0},
		{"k6/x/websockets", "blob", "Blob", 0},
		{"k6/experimental/websockets", "", "ArrayBuffer", 1},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			g := NewWithT(t)
			res := run(t, srv, `
import { WebSocket, Blob } from "`+tc.path+`";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  console.log(JSON.stringify(ws.binaryType));
  for (const bad of ["", "text", 5]) {
    try { ws.binaryType = bad; } catch (e) { console.log(e.message); }
  }
  let n = 0;
  ws.onopen = () => { ws.send(new Uint8Array([1, 2])); ws.send(new Uint8Array([3])); };
  ws.onmessage = (e) => {
    console.log(e.data instanceof Blob ? "Blob" : e.data instanceof ArrayBuffer ? "ArrayBuffer" : typeof e.data);
    if (++n === 2) ws.close();
  };
}`)
			g.Expect(errorTexts(res)).To(BeEmpty())
			g.Expect(infoLogs(res)).To(Equal([]string{
				`"` + tc.def + `"`,
				`unknown binaryType , the supported ones are "blob" and "arraybuffer"`,
				`unknown binaryType text, the supported ones are "blob" and "arraybuffer"`,
				`unknown binaryType 5, the supported ones are "blob" and "arraybuffer"`,
				tc.kind, tc.kind,
			}))
			warn := 0
			for _, l := range logs(res, "warning") {
				if strings.Contains(l, "binaryType is not set") {
					warn++
				}
			}
			g.Expect(warn).To(Equal(tc.warnings))
		})
	}
}
