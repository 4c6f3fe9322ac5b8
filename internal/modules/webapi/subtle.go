package webapi

import (
	"crypto/sha1" //nolint:gosec // SHA-1 is one of WebCrypto's digests
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"strings"

	"github.com/dop251/goja"
)

// domError is a WebCrypto failure. As in k6, a subtle promise rejects with
// a plain object {name, message}, not an Error.
type domError struct{ name, message string }

func (e *domError) Error() string { return e.name + ": " + e.message }

func newDOMError(name, format string, args ...any) *domError {
	return &domError{name: name, message: fmt.Sprintf(format, args...)}
}

// dataTypeError is k6's rejection for a data argument that is not bytes.
func dataTypeError() error {
	return &domError{"TypeError", "data must be an ArrayBuffer, TypedArray, or DataView"}
}

// k6Support lists the algorithms k6 supports for operation op.
func k6Support(op string) []string {
	aes := []string{"AES-CBC", "AES-CTR", "AES-GCM", "AES-KW"}
	keys := append(append([]string{}, aes...), "HMAC", "ECDSA", "ECDH", "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP")
	switch op {
	case "digest":
		return []string{"SHA-1", "SHA-256", "SHA-384", "SHA-512"}
	case "generateKey":
		return keys
	case "importKey", "exportKey":
		return append(keys, "PBKDF2")
	case "encrypt", "decrypt":
		return append(aes, "RSA-OAEP")
	case "sign", "verify":
		return []string{"HMAC", "ECDSA", "RSA-PSS", "RSASSA-PKCS1-v1_5"}
	case "deriveBits":
		return []string{"ECDH", "PBKDF2"}
	case "deriveKey":
		return []string{"PBKDF2"}
	}
	return nil
}

// subtle returns crypto.subtle. Every method returns a Promise, except
// wrapKey and unwrapKey, which throw `not implemented` as in k6.
func (m *Module) subtle() *goja.Object {
	obj := m.rt.NewObject()
	methods := []struct {
		name string
		fn   func(goja.FunctionCall) (goja.Value, error)
	}{
		{"decrypt", m.unsupported("decrypt")},
		{"deriveBits", m.unsupported("deriveBits")},
		{"deriveKey", m.unsupported("deriveKey")},
		{"digest", m.digest},
		{"encrypt", m.unsupported("encrypt")},
		{"exportKey", m.exportKey},
		{"generateKey", m.generateKey},
		{"importKey", m.importKey},
		{"sign", m.sign},
		{"verify", m.verify},
	}
	for _, meth := range methods {
		fn := meth.fn
		_ = obj.Set(meth.name, func(call goja.FunctionCall) goja.Value { return m.promise(fn, call) })
	}
	notImplemented := func(goja.FunctionCall) goja.Value { panic(m.rt.NewGoError(errors.New("not implemented"))) }
	_ = obj.Set("unwrapKey", notImplemented)
	_ = obj.Set("wrapKey", notImplemented)
	return obj
}

// promise runs fn now (the work is synchronous) and returns a promise
// settled with its result, on the loop goroutine that called it.
func (m *Module) promise(fn func(goja.FunctionCall) (goja.Value, error), call goja.FunctionCall) goja.Value {
	p, resolve, reject := m.rt.NewPromise()
	v, err := fn(call)
	if err != nil {
		var de *domError
		if !errors.As(err, &de) {
			de = &domError{"OperationError", err.Error()}
		}
		obj := m.rt.NewObject()
		_ = obj.Set("name", de.name)
		_ = obj.Set("message", de.message)
		_ = reject(obj)
	} else {
		_ = resolve(v)
	}
	return m.rt.ToValue(p)
}

// algorithm returns the canonical name of an algorithm given as a string
// or as {name}, matched case-insensitively against every name k6 knows;
// an unknown name is returned as written.
func algorithm(v goja.Value) (string, error) {
	if obj, ok := v.(*goja.Object); ok {
		v = obj.Get("name")
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return "", &domError{"TypeError", "algorithm name is missing"}
	}
	name := v.String()
	known := [...]string{"SHA-1", "SHA-256", "SHA-384", "SHA-512", "HMAC", "AES-CBC", "AES-CTR", "AES-GCM", "AES-KW",
		"ECDSA", "ECDH", "RSASSA-PKCS1-v1_5", "RSA-PSS", "RSA-OAEP", "PBKDF2"}
	for _, n := range known {
		if strings.EqualFold(n, name) {
			return n, nil
		}
	}
	return name, nil
}

// support checks that op handles alg: k6's NotSupportedError when k6 does
// not support it either, and one that names wstest when only k6 does.
func support(op, alg string, ours ...string) error {
	for _, n := range ours {
		if n == alg {
			return nil
		}
	}
	for _, n := range k6Support(op) {
		if n == alg {
			return newDOMError("NotSupportedError", "crypto.subtle.%s with %s is not supported by wstest (k6 supports it): only digest and HMAC keys are", op, alg)
		}
	}
	return newDOMError("NotSupportedError", "algorithm %q doesn't support (in implementation) operation %q", alg, op)
}

// unsupported is a subtle method wstest does not implement; its promise
// rejects with a NotSupportedError that names it.
func (m *Module) unsupported(op string) func(goja.FunctionCall) (goja.Value, error) {
	return func(goja.FunctionCall) (goja.Value, error) {
		return nil, newDOMError("NotSupportedError", "crypto.subtle.%s is not supported by wstest: only digest and HMAC keys are", op)
	}
}

// newHash returns the hash of a digest algorithm's canonical name.
func newHash(alg string) func() hash.Hash {
	switch alg {
	case "SHA-1":
		return sha1.New
	case "SHA-256":
		return sha256.New
	case "SHA-384":
		return sha512.New384
	case "SHA-512":
		return sha512.New
	}
	return nil
}

// digest is subtle.digest(algorithm, data): an ArrayBuffer.
func (m *Module) digest(call goja.FunctionCall) (goja.Value, error) {
	alg, err := algorithm(call.Argument(0))
	if err != nil {
		return nil, err
	}
	newH := newHash(alg)
	if newH == nil {
		return nil, support("digest", alg)
	}
	data, ok := m.viewBytes(call.Argument(1))
	if !ok {
		return nil, dataTypeError()
	}
	h := newH()
	h.Write(data)
	return m.rt.ToValue(m.rt.NewArrayBuffer(h.Sum(nil))), nil
}
