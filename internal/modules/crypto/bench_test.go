package k6crypto_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// benchFunc loads a script that defines globalThis.fn from src and returns
// fn, to be called on the test goroutine once the loop is idle.
func benchFunc(b *testing.B, src string) goja.Callable {
	b.Helper()
	v := modulestest.New(b)
	if err := v.Run(context.Background(), src+"\nexport default function () {}\n"); err != nil {
		b.Fatal(err)
	}
	fn, _ := goja.AssertFunction(v.Runtime.Get("fn"))
	return fn
}

// BenchmarkSHA256 compares sha256(msg, 'hex') and an HMAC-SHA256 signature
// of a 1 KiB message from a script with crypto/sha256 directly.
func BenchmarkSHA256(b *testing.B) {
	msg := strings.Repeat("x", 1024)
	for _, js := range []struct{ name, src string }{
		{"js/sha256", `import { sha256 } from "k6/crypto"; globalThis.fn = (m) => sha256(m, "hex");`},
		{"js/hmac", `import { hmac } from "k6/crypto"; globalThis.fn = (m) => hmac("sha256", "secret", m, "hex");`},
	} {
		b.Run(js.name, func(b *testing.B) {
			fn := benchFunc(b, js.src)
			rt := goja.New()
			arg := rt.ToValue(msg)
			b.SetBytes(int64(len(msg)))
			b.ResetTimer()
			for b.Loop() {
				if _, err := fn(goja.Undefined(), arg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("go/sha256", func(b *testing.B) {
		b.SetBytes(int64(len(msg)))
		for b.Loop() {
			sum := sha256.Sum256([]byte(msg))
			_ = hex.EncodeToString(sum[:])
		}
	})
	b.Run("go/hmac", func(b *testing.B) {
		b.SetBytes(int64(len(msg)))
		for b.Loop() {
			h := hmac.New(sha256.New, []byte("secret"))
			h.Write([]byte(msg))
			_ = hex.EncodeToString(h.Sum(nil))
		}
	})
}
