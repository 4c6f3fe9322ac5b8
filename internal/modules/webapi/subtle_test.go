package webapi_test

import "testing"

// hex shows an ArrayBuffer as lowercase hex (used inside the cases).
const hexFn = `(b => Array.from(new Uint8Array(b)).map(x => x.toString(16).padStart(2, "0")).join(""))`

// fox is the quick-brown-fox text as bytes.
const fox = `new TextEncoder().encode("The quick brown fox jumps over the lazy dog")`

// hmacKey imports the raw key "key" for HMAC-SHA256 with sign and verify.
const hmacKey = `crypto.subtle.importKey("raw", new TextEncoder().encode("key"), {name: "HMAC", hash: "SHA-256"}, true, ["sign", "verify"])`

func TestSubtleDigest(t *testing.T) {
	abc := `new TextEncoder().encode("abc")`
	runCases(t, []evalCase{
		{"returns a promise", `crypto.subtle.digest("SHA-256", ` + abc + `) instanceof Promise`, `true`},
		{"sha-256", `crypto.subtle.digest("SHA-256", ` + abc + `).then(` + hexFn + `)`,
			`"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{"sha-1 lower case", `crypto.subtle.digest("sha-1", ` + abc + `).then(` + hexFn + `)`,
			`"a9993e364706816aba3e25717850c26c9cd0d89d"`},
		{"name object", `crypto.subtle.digest({name: "Sha-384"}, ` + abc + `).then(b => b.byteLength)`, `48`},
		{"sha-512", `crypto.subtle.digest("SHA-512", ` + abc + `).then(` + hexFn + `).then(h => h.slice(0, 16))`, `"ddaf35a193617aba"`},
		{"ArrayBuffer result", `crypto.subtle.digest("SHA-256", ` + abc + `).then(b => b instanceof ArrayBuffer)`, `true`},
		{"ArrayBuffer input", `crypto.subtle.digest("SHA-1", ` + abc + `.buffer).then(` + hexFn + `)`, `"a9993e364706816aba3e25717850c26c9cd0d89d"`},
		{"DataView input", `crypto.subtle.digest("SHA-1", new DataView(` + abc + `.buffer)).then(` + hexFn + `)`, `"a9993e364706816aba3e25717850c26c9cd0d89d"`},
		{"md5 not supported", `crypto.subtle.digest("MD5", ` + abc + `)`,
			`plain NotSupportedError: algorithm "MD5" doesn't support (in implementation) operation "digest"`},
		{"string data", `crypto.subtle.digest("SHA-256", "abc")`, `plain TypeError: data must be an ArrayBuffer, TypedArray, or DataView`},
		{"rejection is not an Error", `crypto.subtle.digest("MD5", ` + abc + `).catch(e => [e instanceof Error, Object.keys(e)])`, `[false,["name","message"]]`},
	})
}

func TestSubtleHMAC(t *testing.T) {
	runCases(t, []evalCase{
		{"sign matches k6/crypto hmac", hmacKey + `.then(k => crypto.subtle.sign("HMAC", k, ` + fox + `)).then(` + hexFn + `)`,
			`"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"`},
		{"verify true", hmacKey + `.then(async k => crypto.subtle.verify({name: "hmac"}, k, await crypto.subtle.sign("HMAC", k, ` + fox + `), ` + fox + `))`, `true`},
		{"verify false", hmacKey + `.then(k => crypto.subtle.verify("HMAC", k, new Uint8Array(32), ` + fox + `))`, `false`},
		{"key data", hmacKey + `.then(k => [k.type, k.extractable, k.algorithm, k.usages])`,
			`["secret",true,{"name":"HMAC","hash":{"name":"SHA-256"},"length":24},["sign","verify"]]`},
		{"key keys", hmacKey + `.then(k => Object.keys(k))`, `["type","extractable","algorithm","usages"]`},
		{"key read-only", hmacKey + `.then(k => { "use strict"; k.type = "x"; })`, `throw TypeError: 'Set' on a dynamic object returned false`},
		{"export raw", hmacKey + `.then(k => crypto.subtle.exportKey("raw", k)).then(b => new TextDecoder().decode(b))`, `"key"`},
		{"not extractable", `crypto.subtle.importKey("raw", new Uint8Array([1]), {name: "HMAC", hash: {name: "SHA-1"}}, false, ["sign"]).then(k => crypto.subtle.exportKey("raw", k))`,
			`plain InvalidAccessError: the key is not extractable`},
		{"usage not allowed", `crypto.subtle.importKey("raw", new Uint8Array([1]), {name: "HMAC", hash: "SHA-1"}, false, ["verify"]).then(k => crypto.subtle.sign("HMAC", k, new Uint8Array(1)))`,
			`plain InvalidAccessError: the key does not allow sign`},
		{"bad usage", `crypto.subtle.importKey("raw", new Uint8Array([1]), {name: "HMAC", hash: "SHA-1"}, false, ["encrypt"])`,
			`plain SyntaxError: invalid key usage "encrypt" for HMAC`},
		{"generateKey default length", `crypto.subtle.generateKey({name: "HMAC", hash: "SHA-256"}, true, ["sign"]).then(k => crypto.subtle.exportKey("raw", k)).then(b => b.byteLength)`, `64`},
		{"generateKey length", `crypto.subtle.generateKey({name: "HMAC", hash: "SHA-512", length: 256}, false, ["sign", "verify"]).then(k => k.algorithm.length)`, `256`},
		{"generated keys sign", `crypto.subtle.generateKey({name: "HMAC", hash: "SHA-384"}, false, ["sign"]).then(k => crypto.subtle.sign("HMAC", k, new Uint8Array(3))).then(b => b.byteLength)`, `48`},
		{"sign with a non-key", `crypto.subtle.sign("HMAC", {}, new Uint8Array(1))`, `plain TypeError: key is not a CryptoKey`},
		{"sign string data", hmacKey + `.then(k => crypto.subtle.sign("HMAC", k, "abc"))`, `plain TypeError: data must be an ArrayBuffer, TypedArray, or DataView`},
		{"jwk format", `crypto.subtle.importKey("jwk", {}, {name: "HMAC", hash: "SHA-256"}, true, ["sign"])`,
			`plain NotSupportedError: key format "jwk" is not supported by wstest for HMAC: only raw is`},
		{"unsupported hash", `crypto.subtle.importKey("raw", new Uint8Array([1]), {name: "HMAC", hash: "MD5"}, true, ["sign"])`,
			`plain NotSupportedError: hash algorithm "MD5" is not supported`},
	})
}

func TestSubtleNotSupported(t *testing.T) {
	runCases(t, []evalCase{
		{"encrypt", `crypto.subtle.encrypt({name: "AES-GCM"}, null, new Uint8Array(1))`,
			`plain NotSupportedError: crypto.subtle.encrypt is not supported by wstest: only digest and HMAC keys are`},
		{"decrypt", `crypto.subtle.decrypt({name: "AES-GCM"}, null, new Uint8Array(1))`,
			`plain NotSupportedError: crypto.subtle.decrypt is not supported by wstest: only digest and HMAC keys are`},
		{"deriveBits", `crypto.subtle.deriveBits({name: "PBKDF2"}, null, 8)`,
			`plain NotSupportedError: crypto.subtle.deriveBits is not supported by wstest: only digest and HMAC keys are`},
		{"deriveKey", `crypto.subtle.deriveKey({name: "PBKDF2"}, null, {}, true, [])`,
			`plain NotSupportedError: crypto.subtle.deriveKey is not supported by wstest: only digest and HMAC keys are`},
		{"generateKey AES", `crypto.subtle.generateKey({name: "AES-GCM", length: 256}, true, ["encrypt"])`,
			`plain NotSupportedError: crypto.subtle.generateKey with AES-GCM is not supported by wstest (k6 supports it): only digest and HMAC keys are`},
		{"sign ECDSA", `crypto.subtle.sign({name: "ecdsa"}, null, new Uint8Array(1))`,
			`plain NotSupportedError: crypto.subtle.sign with ECDSA is not supported by wstest (k6 supports it): only digest and HMAC keys are`},
		{"importKey PBKDF2", `crypto.subtle.importKey("raw", new Uint8Array(1), "PBKDF2", false, ["deriveBits"])`,
			`plain NotSupportedError: crypto.subtle.importKey with PBKDF2 is not supported by wstest (k6 supports it): only digest and HMAC keys are`},
		{"sign unknown algorithm", `crypto.subtle.sign("FOO", null, new Uint8Array(1))`,
			`plain NotSupportedError: algorithm "FOO" doesn't support (in implementation) operation "sign"`},
		{"wrapKey throws", `crypto.subtle.wrapKey("raw", null, null, "AES-KW")`, `throw GoError: not implemented`},
		{"unwrapKey throws", `crypto.subtle.unwrapKey("raw", new Uint8Array(1), null, "AES-KW", "AES-GCM", true, [])`, `throw GoError: not implemented`},
	})
}
