package webapi_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/modules/modulestest"
	"github.com/wsk6/wstest/internal/modules/webapi"
)

// benchLen is the size of the benchmarks' message.
const benchLen = 1024

// benchText returns a 1 KiB message, mostly ASCII with some multi-byte
// text (cut on a rune boundary).
func benchText() string {
	s := strings.Repeat("hello, wörld € 😀 ", benchLen/10)
	for len(s) > benchLen {
		s = s[:len(s)-1]
	}
	return strings.ToValidUTF8(s, "")
}

// benchFunc returns a JS function made with the web globals installed;
// the benchmark calls it directly, on its own goroutine (the loop is not
// running, so no other goroutine touches the runtime).
func benchFunc(b *testing.B, src string) (goja.Callable, *goja.Runtime) {
	b.Helper()
	v := modulestest.New(b)
	web := webapi.New(v.VU).Exports("")
	g := v.Runtime.GlobalObject()
	for _, k := range web.Keys() {
		_ = g.Set(k, web.Get(k))
	}
	_ = g.Set("text", benchText())
	fn, err := v.Runtime.RunString(src)
	if err != nil {
		b.Fatal(err)
	}
	call, ok := goja.AssertFunction(fn)
	if !ok {
		b.Fatal("not a function")
	}
	return call, v.Runtime
}

func BenchmarkEncode(b *testing.B) {
	call, _ := benchFunc(b, `(() => { const e = new TextEncoder(); return () => e.encode(text); })()`)
	b.SetBytes(benchLen)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeGo(b *testing.B) {
	s := benchText()
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	var sink []byte
	for b.Loop() {
		sink = []byte(strings.ToValidUTF8(s, "\uFFFD"))
	}
	_ = sink
}

func BenchmarkDecode(b *testing.B) {
	call, _ := benchFunc(b, `(() => { const d = new TextDecoder(); const a = new TextEncoder().encode(text); return () => d.decode(a); })()`)
	b.SetBytes(benchLen)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeGo(b *testing.B) {
	raw := []byte(benchText())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	var sink string
	for b.Loop() {
		if utf8.Valid(raw) {
			sink = string(raw)
		}
	}
	_ = sink
}

func BenchmarkDigestSHA256(b *testing.B) {
	call, _ := benchFunc(b, `(() => { const a = new TextEncoder().encode(text); return () => crypto.subtle.digest("SHA-256", a); })()`)
	b.SetBytes(benchLen)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := call(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDigestSHA256Go(b *testing.B) {
	raw := []byte(benchText())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	var sink [32]byte
	for b.Loop() {
		sink = sha256.Sum256(raw)
	}
	_ = sink
}

func BenchmarkHMACSign(b *testing.B) {
	setup, rt := benchFunc(b, `(() => {
  const a = new TextEncoder().encode(text);
  let key;
  crypto.subtle.importKey("raw", new TextEncoder().encode("key"), {name: "HMAC", hash: "SHA-256"}, false, ["sign"]).then(k => { key = k; });
  return () => key ? crypto.subtle.sign("HMAC", key, a) : null;
})()`)
	// Settle the importKey promise job before measuring.
	if _, err := rt.RunString(`0`); err != nil {
		b.Fatal(err)
	}
	if v, err := setup(goja.Undefined()); err != nil || goja.IsNull(v) {
		b.Fatalf("no key: %v", err)
	}
	b.SetBytes(benchLen)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := setup(goja.Undefined()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHMACSignGo(b *testing.B) {
	raw := []byte(benchText())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	var sink []byte
	for b.Loop() {
		h := hmac.New(sha256.New, []byte("key"))
		h.Write(raw)
		sink = h.Sum(nil)
	}
	_ = sink
}
