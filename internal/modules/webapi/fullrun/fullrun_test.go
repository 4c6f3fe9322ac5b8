// Package fullrun_test runs a script that mixes the web globals with a
// socket through the whole wstest run (two VUs, several iterations).
package fullrun_test

import (
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/modules/webapi"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// script is the one of webapi's socket test, with options for a full run.
const script = `
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export const options = { vus: 2, iterations: 6 };

const enc = new TextEncoder();
const dec = new TextDecoder();
const hex = (b) => Array.from(new Uint8Array(b)).map((x) => x.toString(16).padStart(2, "0")).join("");
const initId = crypto.randomUUID();

export default async function () {
  const key = await crypto.subtle.importKey("raw", enc.encode("key"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const id = crypto.randomUUID();
  const body = "The quick brown fox jumps over the lazy dog";
  const sig = hex(await crypto.subtle.sign("HMAC", key, enc.encode(body)));
  const digest = hex(await crypto.subtle.digest("SHA-256", enc.encode("abc")));
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.binaryType = "arraybuffer";
  ws.onopen = () => ws.send(enc.encode(JSON.stringify({ id, body, sig })));
  ws.onmessage = async (e) => {
    const msg = JSON.parse(dec.decode(e.data));
    let caught = "";
    try { crypto.getRandomValues(); } catch (err) { caught = err.message; }
    check(msg, {
      "uuid echoed": (m) => m.id === id && id !== initId,
      "signature": (m) => m.sig === "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
      "digest": () => digest === "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "catchable": () => caught.includes("TypeMismatchError"),
    });
    ws.close();
  };
}
`

func TestWebGlobalsFullRun(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, script, wstest.WithEnv("URL", srv.URL))
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	want := map[string]bool{"uuid echoed": true, "signature": true, "digest": true, "catchable": true}
	for _, c := range res.Checks {
		if !want[c.Name] || c.Passes != 6 || c.Fails != 0 {
			t.Fatalf("check %q: %d passes, %d fails; all: %+v", c.Name, c.Passes, c.Fails, res.Checks)
		}
		delete(want, c.Name)
	}
	if len(want) != 0 {
		t.Fatalf("missing checks %v in %+v", want, res.Checks)
	}
}

func TestWebcryptoImportIsAnInitError(t *testing.T) {
	res, err := scripttest.RunErr(t, `import { crypto } from "k6/experimental/webcrypto";
export default function () {}`)
	if err == nil || !strings.Contains(err.Error(), webapi.WebcryptoImportError) {
		t.Fatalf("got %v", err)
	}
	if code := wstest.ExitCode(res, err); code != wstest.ExitScriptException {
		t.Fatalf("exit code %d, want %d", code, wstest.ExitScriptException)
	}
}
