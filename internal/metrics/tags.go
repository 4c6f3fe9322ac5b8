package metrics

import (
	"sort"
	"strconv"
	"strings"
	"sync"
)

// TagSet is an immutable interned set of tags; equal sets are the same pointer.
// Keys are kept sorted, so iteration and String are deterministic. A TagSet
// belongs to the Registry that made it; its methods are safe for concurrent use.
type TagSet struct {
	in   *tagInterner
	id   uint32
	keys []string
	vals []string
	str  string

	mu   sync.Mutex            // guards with
	with map[[2]string]*TagSet // memoised With results
}

// tagInterner hands out one *TagSet per distinct set of tags.
type tagInterner struct {
	mu    sync.RWMutex       // guards byKey and all
	byKey map[string]*TagSet // canonical encoding -> set
	all   []*TagSet          // index = TagSet.id
}

func newTagInterner() *tagInterner {
	in := &tagInterner{byKey: map[string]*TagSet{}}
	in.intern(nil, nil)
	return in
}

// canonical encodes sorted pairs without ambiguity (length-prefixed).
func canonical(keys, vals []string) string {
	var b strings.Builder
	for i := range keys {
		b.WriteString(strconv.Itoa(len(keys[i])))
		b.WriteByte(':')
		b.WriteString(keys[i])
		b.WriteString(strconv.Itoa(len(vals[i])))
		b.WriteByte(':')
		b.WriteString(vals[i])
	}
	return b.String()
}

// intern returns the set for sorted keys/vals, creating it if needed.
func (in *tagInterner) intern(keys, vals []string) *TagSet {
	key := canonical(keys, vals)
	in.mu.RLock()
	ts, ok := in.byKey[key]
	in.mu.RUnlock()
	if ok {
		return ts
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if ts, ok := in.byKey[key]; ok {
		return ts
	}
	ts = &TagSet{in: in, id: uint32(len(in.all)), keys: keys, vals: vals}
	ts.str = ts.render()
	in.byKey[key] = ts
	in.all = append(in.all, ts)
	return ts
}

// byID returns the set with the given id.
func (in *tagInterner) byID(id uint32) *TagSet {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return in.all[id]
}

// snapshot returns the id-indexed table as it is now.
func (in *tagInterner) snapshot() []*TagSet {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return in.all[:len(in.all):len(in.all)]
}

// fromMap interns the tags of m.
func (in *tagInterner) fromMap(m map[string]string) *TagSet {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	vals := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return in.intern(keys, vals)
}

func (t *TagSet) render() string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range t.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(t.keys[i])
		b.WriteByte(':')
		b.WriteString(t.vals[i])
	}
	b.WriteByte('}')
	return b.String()
}

// With returns the set with key set to value (interned).
func (t *TagSet) With(key, value string) *TagSet {
	ck := [2]string{key, value}
	t.mu.Lock()
	if r, ok := t.with[ck]; ok {
		t.mu.Unlock()
		return r
	}
	t.mu.Unlock()

	i := sort.SearchStrings(t.keys, key)
	var keys, vals []string
	if i < len(t.keys) && t.keys[i] == key {
		if t.vals[i] == value {
			return t
		}
		keys = t.keys
		vals = append([]string(nil), t.vals...)
		vals[i] = value
	} else {
		keys = make([]string, 0, len(t.keys)+1)
		keys = append(append(append(keys, t.keys[:i]...), key), t.keys[i:]...)
		vals = make([]string, 0, len(t.vals)+1)
		vals = append(append(append(vals, t.vals[:i]...), value), t.vals[i:]...)
	}
	r := t.in.intern(keys, vals)

	t.mu.Lock()
	if t.with == nil {
		t.with = map[[2]string]*TagSet{}
	}
	t.with[ck] = r
	t.mu.Unlock()
	return r
}

// WithMap returns the set with every pair of m set (interned).
func (t *TagSet) WithMap(m map[string]string) *TagSet {
	if len(m) == 0 {
		return t
	}
	all := t.Map()
	for k, v := range m {
		all[k] = v
	}
	return t.in.fromMap(all)
}

// Without returns the set without key.
func (t *TagSet) Without(key string) *TagSet {
	i := sort.SearchStrings(t.keys, key)
	if i >= len(t.keys) || t.keys[i] != key {
		return t
	}
	keys := append(append([]string(nil), t.keys[:i]...), t.keys[i+1:]...)
	vals := append(append([]string(nil), t.vals[:i]...), t.vals[i+1:]...)
	return t.in.intern(keys, vals)
}

// Get returns a tag's value.
func (t *TagSet) Get(key string) (string, bool) {
	i := sort.SearchStrings(t.keys, key)
	if i < len(t.keys) && t.keys[i] == key {
		return t.vals[i], true
	}
	return "", false
}

// Map returns a fresh map of the tags.
func (t *TagSet) Map() map[string]string {
	m := make(map[string]string, len(t.keys))
	for i, k := range t.keys {
		m[k] = t.vals[i]
	}
	return m
}

// Len returns the number of tags.
func (t *TagSet) Len() int { return len(t.keys) }

// Each calls fn for every tag in key order.
func (t *TagSet) Each(fn func(key, value string)) {
	for i, k := range t.keys {
		fn(k, t.vals[i])
	}
}

// Contains reports whether every pair of sel is in the set.
func (t *TagSet) Contains(sel map[string]string) bool {
	for k, v := range sel {
		if got, ok := t.Get(k); !ok || got != v {
			return false
		}
	}
	return true
}

// String renders the set as {key:value,key2:value2}, keys sorted.
func (t *TagSet) String() string { return t.str }
