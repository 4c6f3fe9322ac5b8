package webapi

import (
	"crypto/hmac"
	"crypto/rand"
	"fmt"

	"github.com/dop251/goja"
)

// cryptoKey is an HMAC CryptoKey. The script sees an object with the
// read-only data keys type, extractable, algorithm and usages; the secret
// stays in Go, out of the script's reach.
type cryptoKey struct {
	secret      []byte
	hash        string
	extractable bool
	usages      []string
	props       map[string]goja.Value
}

var _ goja.DynamicObject = (*cryptoKey)(nil)

// Get returns one of the key's data properties (nil for any other name).
func (k *cryptoKey) Get(key string) goja.Value { return k.props[key] }

// Set refuses every write: a CryptoKey is read-only.
func (k *cryptoKey) Set(string, goja.Value) bool { return false }

// Has reports whether key is one of the data properties.
func (k *cryptoKey) Has(key string) bool { _, ok := k.props[key]; return ok }

// Delete refuses to delete a data property.
func (k *cryptoKey) Delete(key string) bool { return !k.Has(key) }

// Keys lists the data properties.
func (k *cryptoKey) Keys() []string { return []string{"type", "extractable", "algorithm", "usages"} }

// can reports whether the key allows usage.
func (k *cryptoKey) can(usage string) bool {
	for _, u := range k.usages {
		if u == usage {
			return true
		}
	}
	return false
}

// newKey makes the CryptoKey object of an HMAC secret.
func (m *Module) newKey(secret []byte, hashAlg string, extractable bool, usages []string) goja.Value {
	rt := m.rt
	alg := rt.NewObject()
	_ = alg.Set("name", "HMAC")
	h := rt.NewObject()
	_ = h.Set("name", hashAlg)
	_ = alg.Set("hash", h)
	_ = alg.Set("length", len(secret)*8)
	us := make([]any, len(usages))
	for i, u := range usages {
		us[i] = u
	}
	k := &cryptoKey{secret: secret, hash: hashAlg, extractable: extractable, usages: usages,
		props: map[string]goja.Value{
			"type": rt.ToValue("secret"), "extractable": rt.ToValue(extractable),
			"algorithm": alg, "usages": rt.NewArray(us...),
		}}
	return rt.NewDynamicObject(k)
}

// keyOf returns the CryptoKey v is.
func keyOf(v goja.Value) (*cryptoKey, error) {
	if obj, ok := v.(*goja.Object); ok {
		if k, ok := obj.Export().(*cryptoKey); ok {
			return k, nil
		}
	}
	return nil, &domError{"TypeError", "key is not a CryptoKey"}
}

// hmacParams reads an HMAC algorithm object: its hash (SHA-1, SHA-256,
// SHA-384 or SHA-512) and its length in bits (0 when not given).
func hmacParams(v goja.Value) (string, int, error) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return "", 0, &domError{"TypeError", "HMAC needs an algorithm object with a hash"}
	}
	hv := obj.Get("hash")
	if hv == nil || goja.IsUndefined(hv) {
		return "", 0, &domError{"TypeError", "HMAC needs an algorithm object with a hash"}
	}
	h, err := algorithm(hv)
	if err != nil {
		return "", 0, err
	}
	if newHash(h) == nil {
		return "", 0, newDOMError("NotSupportedError", "hash algorithm %q is not supported", h)
	}
	length := 0
	if l := obj.Get("length"); l != nil && !goja.IsUndefined(l) {
		length = int(l.ToInteger())
	}
	return h, length, nil
}

// keyUsages reads the usages array: only sign and verify, at least one.
func (m *Module) keyUsages(v goja.Value) ([]string, error) {
	var us []string
	if err := m.rt.ExportTo(v, &us); err != nil {
		return nil, &domError{"TypeError", "key usages must be an array of strings"}
	}
	for _, u := range us {
		if u != "sign" && u != "verify" {
			return nil, newDOMError("SyntaxError", "invalid key usage %q for HMAC", u)
		}
	}
	if len(us) == 0 {
		return nil, &domError{"SyntaxError", "key usages must not be empty"}
	}
	return us, nil
}

// keyAlgorithm reads the algorithm argument of importKey / generateKey
// and checks that it is HMAC.
func keyAlgorithm(op string, v goja.Value) (string, int, error) {
	alg, err := algorithm(v)
	if err != nil {
		return "", 0, err
	}
	if err := support(op, alg, "HMAC"); err != nil {
		return "", 0, err
	}
	return hmacParams(v)
}

// importKey is subtle.importKey(format, keyData, algorithm, extractable,
// usages) for HMAC keys in the raw format.
func (m *Module) importKey(call goja.FunctionCall) (goja.Value, error) {
	h, length, err := keyAlgorithm("importKey", call.Argument(2))
	if err != nil {
		return nil, err
	}
	if f := call.Argument(0).String(); f != "raw" {
		return nil, newDOMError("NotSupportedError", "key format %q is not supported by wstest for HMAC: only raw is", f)
	}
	data, ok := m.viewBytes(call.Argument(1))
	if !ok {
		return nil, dataTypeError()
	}
	if len(data) == 0 {
		return nil, &domError{"DataError", "key data must not be empty"}
	}
	if length != 0 && (length > len(data)*8 || length <= len(data)*8-8) {
		return nil, newDOMError("DataError", "length %d does not match a key of %d bytes", length, len(data))
	}
	us, err := m.keyUsages(call.Argument(4))
	if err != nil {
		return nil, err
	}
	return m.newKey(append([]byte(nil), data...), h, call.Argument(3).ToBoolean(), us), nil
}

// generateKey is subtle.generateKey(algorithm, extractable, usages) for
// HMAC keys: length bits, by default the hash's block size.
func (m *Module) generateKey(call goja.FunctionCall) (goja.Value, error) {
	h, length, err := keyAlgorithm("generateKey", call.Argument(0))
	if err != nil {
		return nil, err
	}
	if length == 0 {
		length = newHash(h)().BlockSize() * 8
	}
	if length < 0 || length%8 != 0 {
		return nil, newDOMError("OperationError", "HMAC key length %d is not a whole number of bytes", length)
	}
	us, err := m.keyUsages(call.Argument(2))
	if err != nil {
		return nil, err
	}
	secret := make([]byte, length/8)
	_, _ = rand.Read(secret)
	return m.newKey(secret, h, call.Argument(1).ToBoolean(), us), nil
}

// exportKey is subtle.exportKey(format, key) for extractable HMAC keys in
// the raw format: an ArrayBuffer.
func (m *Module) exportKey(call goja.FunctionCall) (goja.Value, error) {
	k, err := keyOf(call.Argument(1))
	if err != nil {
		return nil, err
	}
	if f := call.Argument(0).String(); f != "raw" {
		return nil, newDOMError("NotSupportedError", "key format %q is not supported by wstest for HMAC: only raw is", f)
	}
	if !k.extractable {
		return nil, &domError{"InvalidAccessError", "the key is not extractable"}
	}
	return m.rt.ToValue(m.rt.NewArrayBuffer(append([]byte(nil), k.secret...))), nil
}

// signingKey checks the algorithm and key arguments of sign and verify.
func signingKey(op string, algV, keyV goja.Value) (*cryptoKey, error) {
	alg, err := algorithm(algV)
	if err != nil {
		return nil, err
	}
	if err := support(op, alg, "HMAC"); err != nil {
		return nil, err
	}
	k, err := keyOf(keyV)
	if err != nil {
		return nil, err
	}
	if !k.can(op) {
		return nil, newDOMError("InvalidAccessError", "the key does not allow %s", op)
	}
	return k, nil
}

// mac returns the HMAC of data under k.
func (k *cryptoKey) mac(data []byte) []byte {
	h := hmac.New(newHash(k.hash), k.secret)
	h.Write(data)
	return h.Sum(nil)
}

// sign is subtle.sign(algorithm, key, data): the HMAC as an ArrayBuffer.
func (m *Module) sign(call goja.FunctionCall) (goja.Value, error) {
	k, err := signingKey("sign", call.Argument(0), call.Argument(1))
	if err != nil {
		return nil, err
	}
	data, ok := m.viewBytes(call.Argument(2))
	if !ok {
		return nil, dataTypeError()
	}
	return m.rt.ToValue(m.rt.NewArrayBuffer(k.mac(data))), nil
}

// verify is subtle.verify(algorithm, key, signature, data): a boolean.
func (m *Module) verify(call goja.FunctionCall) (goja.Value, error) {
	k, err := signingKey("verify", call.Argument(0), call.Argument(1))
	if err != nil {
		return nil, err
	}
	sig, ok := m.viewBytes(call.Argument(2))
	if !ok {
		return nil, dataTypeError()
	}
	data, ok := m.viewBytes(call.Argument(3))
	if !ok {
		return nil, dataTypeError()
	}
	return m.rt.ToValue(hmac.Equal(sig, k.mac(data))), nil
}

// String describes the key without its secret.
func (k *cryptoKey) String() string { return fmt.Sprintf("CryptoKey(HMAC %s)", k.hash) }
