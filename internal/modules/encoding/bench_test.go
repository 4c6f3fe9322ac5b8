package encoding_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// benchPayload is 1 KiB of text, the size of a typical credential or
// signed message.
func benchPayload() string { return strings.Repeat("k6-wstest-", 103)[:1024] }

// BenchmarkB64 compares a b64encode + b64decode round trip from a script
// with the same work in plain Go.
func BenchmarkB64(b *testing.B) {
	payload := benchPayload()
	b.Run("js", func(b *testing.B) {
		v := modulestest.New(b)
		if err := v.Run(context.Background(), `
import { b64encode, b64decode } from "k6/encoding";
globalThis.roundTrip = (s) => b64decode(b64encode(s, "rawurl"), "rawurl", "s");
export default function () {}
`); err != nil {
			b.Fatal(err)
		}
		fn, _ := goja.AssertFunction(v.Runtime.Get("roundTrip"))
		arg := v.Runtime.ToValue(payload)
		b.SetBytes(int64(len(payload)))
		b.ResetTimer()
		for b.Loop() {
			if _, err := fn(goja.Undefined(), arg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go", func(b *testing.B) {
		b.SetBytes(int64(len(payload)))
		for b.Loop() {
			out, err := base64.RawURLEncoding.DecodeString(base64.RawURLEncoding.EncodeToString([]byte(payload)))
			if err != nil || len(out) != len(payload) {
				b.Fatal(err)
			}
		}
	})
}
