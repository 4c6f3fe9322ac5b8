package k6crypto_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// eval runs expr in an iteration of a script that imports k6/crypto as
// named and default imports, and returns its JSON text or the exception.
func eval(t *testing.T, expr string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return modulestest.New(t).Eval(ctx, cryptoImports, expr)
}

// cryptoImports imports k6/crypto as named and default imports.
const cryptoImports = `import k6crypto, * as c from "k6/crypto";`

const fox = "'The quick brown fox jumps over the lazy dog'"

func TestCrypto(t *testing.T) {
	modulestest.EvalTable(t, cryptoImports, []modulestest.EvalCase{
		{"exports", `Object.keys(k6crypto).sort()`, `["createHMAC","createHash","hexEncode","hmac","md4","md5","randomBytes","ripemd160","sha1","sha256","sha384","sha512","sha512_224","sha512_256"]`, ""},
		{"default import", `k6crypto.sha1 === c.sha1`, `true`, ""},
		{"md4", `c.md4('abc', 'hex')`, `"a448017aaf21d8525fc10ae87aa6729d"`, ""},
		{"md5", `c.md5('abc', 'hex')`, `"900150983cd24fb0d6963f7d28e17f72"`, ""},
		{"sha1", `c.sha1('abc', 'hex')`, `"a9993e364706816aba3e25717850c26c9cd0d89d"`, ""},
		{"sha256", `c.sha256('abc', 'hex')`, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`, ""},
		{"sha384", `c.sha384('abc', 'hex')`, `"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"`, ""},
		{"sha512", `c.sha512('abc', 'hex')`, `"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"`, ""},
		{"sha512_224", `c.sha512_224('abc', 'hex')`, `"4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa"`, ""},
		{"sha512_256", `c.sha512_256('abc', 'hex')`, `"53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"`, ""},
		{"ripemd160", `c.ripemd160('abc', 'hex')`, `"8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"`, ""},
		{"base64", `c.sha256('abc', 'base64')`, `"ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="`, ""},
		{"base64url", `c.sha256('abc', 'base64url')`, `"ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0="`, ""},
		{"base64rawurl", `c.sha256('abc', 'base64rawurl')`, `"ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"`, ""},
		{"binary", `[c.md5('abc', 'binary') instanceof ArrayBuffer, bytes(c.md5('abc', 'binary')).length]`, `[true,16]`, ""},
		{"arraybuffer input", `c.md5(new Uint8Array([97, 98, 99]).buffer, 'hex')`, `"900150983cd24fb0d6963f7d28e17f72"`, ""},
		{"uint8array view", `c.md5(new Uint8Array([0, 97, 98, 99]).subarray(1), 'hex')`, `"900150983cd24fb0d6963f7d28e17f72"`, ""},
		{"encoding case-sensitive", `c.sha256('x', 'HEX')`, "", "GoError: invalid output encoding: HEX"},
		{"unknown encoding", `c.sha256('x', 'base32')`, "", "GoError: invalid output encoding: base32"},
		{"missing encoding", `c.sha256('x')`, "", "GoError: invalid output encoding: "},
		{"bad input has prefix", `c.sha256(42, 'hex')`, "", "GoError: sha256 failed: invalid type int64, expected string, []byte or ArrayBuffer"},
		{"bad input md5 prefix", `c.md5(null, 'hex')`, "", "GoError: md5 failed: invalid type <nil>, expected string, []byte or ArrayBuffer"},

		{"hmac", `c.hmac('sha256', 'key', ` + fox + `, 'hex')`, `"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"`, ""},
		{"hmac md5", `c.hmac('md5', 'key', ` + fox + `, 'hex')`, `"80070713463e7749b90c2dc24911e275"`, ""},
		{"hmac upper", `c.hmac('SHA256', 'key', 'x', 'hex')`, "", "GoError: invalid algorithm: SHA256"},
		{"hmac dash", `c.hmac('sha-256', 'key', 'x', 'hex')`, "", "GoError: invalid algorithm: sha-256"},
		{"hmac sha3", `c.hmac('sha3', 'key', 'x', 'hex')`, "", "GoError: invalid algorithm: sha3"},
		{"hmac bad key", `c.hmac('sha256', 1, 'x', 'hex')`, "", "GoError: invalid type int64, expected string, []byte or ArrayBuffer"},
		{"hmac bad data", `c.hmac('sha256', 'k', [], 'hex')`, "", "GoError: invalid type []interface {}, expected string, []byte or ArrayBuffer"},

		{"hasher keys", `Object.keys(c.createHash('sha1')).sort()`, `["digest","update"]`, ""},
		{"hasher stream", `(() => { const h = c.createHash('sha1'); h.update('ab'); h.digest('hex'); h.update('c'); return [h.digest('hex'), h.digest('hex')]; })()`,
			`["a9993e364706816aba3e25717850c26c9cd0d89d","a9993e364706816aba3e25717850c26c9cd0d89d"]`, ""},
		{"update returns undefined", `c.createHash('sha1').update('x')`, `undefined`, ""},
		{"update not chainable", `c.createHash('sha1').update('x').digest('hex')`, "", "TypeError: Cannot read property 'digest' of undefined or null"},
		{"createHash unknown throws", `c.createHash('nope')`, "", "GoError: invalid algorithm: nope"},
		{"createHash sha3 catchable", `(() => { try { c.createHash('sha3'); } catch (e) { return e.message; } })()`, `"invalid algorithm: sha3"`, ""},
		{"createHMAC", `(() => { const h = c.createHMAC('sha256', 'key'); h.update(` + fox + `); return h.digest('hex'); })()`, `"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"`, ""},
		{"createHMAC unknown", `c.createHMAC('nope', 'key')`, "", "GoError: invalid algorithm: nope"},
		{"digest bad encoding", `c.createHash('md5').digest('nope')`, "", "GoError: invalid output encoding: nope"},

		{"randomBytes", `(() => { const b = c.randomBytes(16); return [b instanceof ArrayBuffer, b.byteLength]; })()`, `[true,16]`, ""},
		{"randomBytes string size", `c.randomBytes('4').byteLength`, `4`, ""},
		{"randomBytes fraction", `c.randomBytes(2.7).byteLength`, `2`, ""},
		{"randomBytes differ", `c.hexEncode(c.randomBytes(16)) !== c.hexEncode(c.randomBytes(16))`, `true`, ""},
		{"randomBytes zero", `c.randomBytes(0)`, "", "GoError: invalid size"},
		{"randomBytes negative", `c.randomBytes(-1)`, "", "GoError: invalid size"},
		{"randomBytes missing", `c.randomBytes()`, "", "GoError: invalid size"},

		{"hexEncode bytes", `c.hexEncode(new Uint8Array([1, 171, 255]))`, `"01abff"`, ""},
		{"hexEncode string", `c.hexEncode('AB')`, `"4142"`, ""},
		{"hexEncode bad", `c.hexEncode(1)`, "", "GoError: invalid type int64, expected string, []byte or ArrayBuffer"},
	})
}

// TestInitCode shows the module works in init code.
func TestInitCode(t *testing.T) {
	g := NewWithT(t)
	v := modulestest.New(t)
	err := v.Run(context.Background(), `
import { sha1 } from "k6/crypto";
globalThis.got = sha1('abc', 'hex');
export default function () {}
`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Runtime.Get("got").String()).To(Equal("a9993e364706816aba3e25717850c26c9cd0d89d"))
}

// TestShadowsWebCrypto: a default import named crypto hides the global in
// its module, while globalThis.crypto is untouched.
func TestShadowsWebCrypto(t *testing.T) {
	g := NewWithT(t)
	got, err := eval(t, `(() => { const crypto = k6crypto; return [typeof crypto.getRandomValues, typeof crypto.sha1]; })()`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(got).To(Equal(`["undefined","function"]`))
}
