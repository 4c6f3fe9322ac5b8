package webapi_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/modules/modulestest"
	"github.com/wsk6/wstest/internal/modules/webapi"
)

func TestCryptoObject(t *testing.T) {
	runCases(t, []evalCase{
		{"global", `crypto === globalThis.crypto`, `true`},
		{"own keys", `Object.getOwnPropertyNames(crypto).sort()`, `["CryptoKey","getRandomValues","randomUUID","subtle"]`},
		{"read-only", `(() => { "use strict"; crypto.randomUUID = null; })()`, `throw TypeError: Cannot assign to read only property 'randomUUID'`},
		{"CryptoKey", `JSON.stringify(crypto.CryptoKey)`, `"{}"`},
		{"reassignable", `(() => { globalThis.crypto = 1; return globalThis.crypto; })()`, `1`},
		{"subtle methods", `Object.keys(crypto.subtle).sort()`,
			`["decrypt","deriveBits","deriveKey","digest","encrypt","exportKey","generateKey","importKey","sign","unwrapKey","verify","wrapKey"]`},
	})
}

func TestRandomUUID(t *testing.T) {
	re := regexp.MustCompile(`^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$`)
	got := runScript(t, "", `for (let i = 0; i < 50; i++) console.log(show(crypto.randomUUID()));`)
	seen := map[string]bool{}
	for _, g := range got {
		if !re.MatchString(g) {
			t.Fatalf("not a v4 UUID: %s", g)
		}
		seen[g] = true
	}
	if len(got) != 50 || len(seen) != 50 {
		t.Fatalf("got %d UUIDs, %d distinct", len(got), len(seen))
	}
}

func TestGetRandomValues(t *testing.T) {
	mismatch := `throw GoError: TypeMismatchError: typedArray parameter isn't a TypedArray instance`
	cases := []evalCase{
		{"returns same object", `(() => { const a = new Uint8Array(4); return crypto.getRandomValues(a) === a; })()`, `true`},
		{"too big", `crypto.getRandomValues(new Uint8Array(65537))`,
			`throw GoError: QuotaExceededError: typedArray parameter is too big; maximum length is 65536`},
		{"limit counts elements", `crypto.getRandomValues(new Uint32Array(20000)).length`, `20000`},
		{"at the limit", `crypto.getRandomValues(new Uint8Array(65536)).length`, `65536`},
		{"no argument", `crypto.getRandomValues()`, mismatch},
		{"Float32Array", `crypto.getRandomValues(new Float32Array(1))`, mismatch},
		{"Float64Array", `crypto.getRandomValues(new Float64Array(1))`, mismatch},
		{"BigInt64Array", `crypto.getRandomValues(new BigInt64Array(1))`, mismatch},
		{"BigUint64Array", `crypto.getRandomValues(new BigUint64Array(1))`, mismatch},
		{"ArrayBuffer", `crypto.getRandomValues(new ArrayBuffer(4))`, mismatch},
		{"plain array", `crypto.getRandomValues([1, 2])`, mismatch},
		{"view only", `(() => { const a = new Uint8Array(64); crypto.getRandomValues(a.subarray(8, 16)); return [...a.slice(0, 8), ...a.slice(16)].every(x => x === 0); })()`, `true`},
		{"mutable dataview is a mismatch", `crypto.getRandomValues(new DataView(new ArrayBuffer(4)))`, mismatch},
	}
	// Each element gets one random byte, in every accepted type.
	for _, c := range []struct{ typ, lo, hi string }{
		{"Int8Array", "-128", "127"}, {"Uint8Array", "0", "255"}, {"Uint8ClampedArray", "0", "255"},
		{"Int16Array", "0", "255"}, {"Uint16Array", "0", "255"}, {"Int32Array", "0", "255"}, {"Uint32Array", "0", "255"},
	} {
		cases = append(cases, evalCase{c.typ + " range",
			fmt.Sprintf(`(() => { const a = crypto.getRandomValues(new %s(4096)); return a.every(x => x >= %s && x <= %s) && a.some(x => x !== 0); })()`, c.typ, c.lo, c.hi),
			`true`})
	}
	cases = append(cases, evalCase{"Int8Array negative", `crypto.getRandomValues(new Int8Array(4096)).some(x => x < 0)`, `true`})
	runCases(t, cases)
}

func TestCryptoInInit(t *testing.T) {
	got := runScript(t, `console.log(crypto.randomUUID().length);`, "")
	if len(got) != 1 || got[0] != "36" {
		t.Fatalf("got %q", got)
	}
}

func TestWebcryptoImportFails(t *testing.T) {
	v := modulestest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := v.Run(ctx, `import { crypto } from "k6/experimental/webcrypto";
export default function () {}`)
	if err == nil || !strings.Contains(err.Error(), webapi.WebcryptoImportError) {
		t.Fatalf("got %v", err)
	}
}
