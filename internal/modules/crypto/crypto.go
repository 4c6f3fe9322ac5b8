// Package k6crypto implements the "k6/crypto" module: the hash functions,
// hmac, createHash and createHMAC, randomBytes and hexEncode.
package k6crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"

	"github.com/dop251/goja"
	"golang.org/x/crypto/md4"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // k6/crypto offers it

	"github.com/wsk6/wstest/internal/modules/encoding"
	"github.com/wsk6/wstest/internal/vu"
)

// Module is the k6/crypto module of one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// algorithm is one hash k6/crypto knows, by its k6 name.
type algorithm struct {
	name string
	new  func() hash.Hash
}

// algorithms lists the hashes k6/crypto offers, in its export order.
func algorithms() []algorithm {
	return []algorithm{
		{"md4", md4.New},
		{"md5", md5.New},
		{"sha1", sha1.New},
		{"sha256", sha256.New},
		{"sha384", sha512.New384},
		{"sha512", sha512.New},
		{"sha512_224", sha512.New512_224},
		{"sha512_256", sha512.New512_256},
		{"ripemd160", ripemd160.New},
	}
}

// Hash returns the constructor of the hash k6 calls name (matched exactly,
// lowercase) and whether there is one.
func Hash(name string) (func() hash.Hash, bool) {
	for _, a := range algorithms() {
		if a.name == name {
			return a.new, true
		}
	}
	return nil, false
}

// Exports returns the module's functions; a default import gives the same
// object.
func (m *Module) Exports(string) *goja.Object {
	obj := m.vu.Runtime.NewObject()
	_ = obj.Set("createHash", m.createHash)
	_ = obj.Set("createHMAC", m.createHMAC)
	_ = obj.Set("hmac", m.hmac)
	for _, a := range algorithms() {
		_ = obj.Set(a.name, m.hashFunc(a))
	}
	_ = obj.Set("randomBytes", m.randomBytes)
	_ = obj.Set("hexEncode", m.hexEncode)
	return obj
}

func (m *Module) throw(err error) {
	panic(m.vu.Runtime.NewGoError(err))
}

// bytes converts v by k6's byte-input rule or throws.
func (m *Module) bytes(v goja.Value, prefix string) []byte {
	b, err := encoding.Bytes(v)
	if err != nil {
		if prefix != "" {
			err = fmt.Errorf("%s failed: %w", prefix, err)
		}
		m.throw(err)
	}
	return b
}

// encodingArg is the output encoding argument: "" when missing.
func encodingArg(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return ""
	}
	return v.String()
}

// Encode renders sum in k6's output encoding enc: hex, base64, base64url
// (padded), base64rawurl or binary (an ArrayBuffer).
func (m *Module) encode(sum []byte, enc string) goja.Value {
	rt := m.vu.Runtime
	switch enc {
	case "hex":
		return rt.ToValue(hex.EncodeToString(sum))
	case "base64":
		return rt.ToValue(base64.StdEncoding.EncodeToString(sum))
	case "base64url":
		return rt.ToValue(base64.URLEncoding.EncodeToString(sum))
	case "base64rawurl":
		return rt.ToValue(base64.RawURLEncoding.EncodeToString(sum))
	case "binary":
		return rt.ToValue(rt.NewArrayBuffer(sum))
	}
	m.throw(fmt.Errorf("invalid output encoding: %s", enc))
	return nil
}

func (m *Module) hashFunc(a algorithm) func(goja.Value, goja.Value) goja.Value {
	return func(input, enc goja.Value) goja.Value {
		h := a.new()
		h.Write(m.bytes(input, a.name))
		return m.encode(h.Sum(nil), encodingArg(enc))
	}
}

// lookup returns the hash called name or throws k6's invalid algorithm.
func (m *Module) lookup(name string) func() hash.Hash {
	h, ok := Hash(name)
	if !ok {
		m.throw(fmt.Errorf("invalid algorithm: %s", name))
	}
	return h
}

func (m *Module) hmac(alg string, key, data, enc goja.Value) goja.Value {
	h := hmac.New(m.lookup(alg), m.bytes(key, ""))
	h.Write(m.bytes(data, ""))
	return m.encode(h.Sum(nil), encodingArg(enc))
}

// createHash throws for an unknown algorithm where k6 crashes.
func (m *Module) createHash(alg string) *goja.Object {
	return m.hasher(m.lookup(alg)())
}

func (m *Module) createHMAC(alg string, key goja.Value) *goja.Object {
	return m.hasher(hmac.New(m.lookup(alg), m.bytes(key, "")))
}

// hasher is the object with update and digest over h. digest neither
// finalises nor resets: later updates add to the same stream.
func (m *Module) hasher(h hash.Hash) *goja.Object {
	obj := m.vu.Runtime.NewObject()
	_ = obj.Set("update", func(data goja.Value) {
		h.Write(m.bytes(data, ""))
	})
	_ = obj.Set("digest", func(enc goja.Value) goja.Value {
		return m.encode(h.Sum(nil), encodingArg(enc))
	})
	return obj
}

// randomBytes returns n bytes from the operating system's cryptographic
// source (never the seeded one).
func (m *Module) randomBytes(n goja.Value) goja.Value {
	size := int64(0)
	if n != nil {
		size = n.ToInteger()
	}
	if size < 1 {
		m.throw(errors.New("invalid size"))
	}
	b := make([]byte, size)
	if _, err := rand.Read(b); err != nil {
		m.throw(err)
	}
	return m.vu.Runtime.ToValue(m.vu.Runtime.NewArrayBuffer(b))
}

func (m *Module) hexEncode(data goja.Value) string {
	return hex.EncodeToString(m.bytes(data, ""))
}
