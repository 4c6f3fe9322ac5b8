package webapi_test

import (
	"context"
	"testing"
	"time"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// socketScript signs a message with HMAC-SHA256, sends it as binary with a
// random UUID, and checks what the echo server returns. The full-run test
// (internal/modules/webapi/fullrun) runs a copy of it through wstest.
const socketScript = `
import { check } from "k6";
import { WebSocket } from "k6/websockets";

const enc = new TextEncoder();
const dec = new TextDecoder();
const hex = (b) => Array.from(new Uint8Array(b)).map((x) => x.toString(16).padStart(2, "0")).join("");

export default async function () {
  const key = await crypto.subtle.importKey("raw", enc.encode("key"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const id = crypto.randomUUID();
  const body = "The quick brown fox jumps over the lazy dog";
  const sig = hex(await crypto.subtle.sign("HMAC", key, enc.encode(body)));
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = () => ws.send(enc.encode(JSON.stringify({ id, body, sig, nonce: Array.from(nonce) })));
  ws.onmessage = async (e) => {
    const msg = JSON.parse(dec.decode(e.data, { stream: false }));
    const ok = await crypto.subtle.verify("HMAC", key, new Uint8Array(msg.sig.match(/../g).map((h) => parseInt(h, 16))), enc.encode(msg.body));
    check(msg, {
      "uuid echoed": (m) => m.id === id && /^[0-9a-f-]{36}$/.test(m.id),
      "signature": (m) => m.sig === "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
      "verified": () => ok,
      "nonce": (m) => m.nonce.length === 8,
    });
    console.log("done");
    ws.close();
  };
}
`

func TestSocketScript(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()
	v := modulestest.New(t, modulestest.WithEnv("URL", srv.URL))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := v.Run(ctx, socketScript); err != nil {
		t.Fatalf("run: %v", err)
	}
	want := map[string][2]int{"uuid echoed": {1, 0}, "signature": {1, 0}, "verified": {1, 0}, "nonce": {1, 0}}
	got := v.Checks()
	for k, c := range want {
		if got[k] != c {
			t.Fatalf("checks: got %v, want %v (logs %q)", got, want, v.Logs())
		}
	}
}
