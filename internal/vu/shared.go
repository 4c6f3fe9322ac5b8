package vu

import "sync"

// SharedStore holds the values a run builds once and every VU reads, such
// as the data of k6/data's SharedArray, by name. It is safe for concurrent
// use; what it holds must never change once built.
type SharedStore struct {
	mu      sync.Mutex
	entries map[string]*sharedEntry
}

// sharedEntry is one name's value; its lock is held while it is built so
// that concurrent first uses of a name build it once.
type sharedEntry struct {
	mu    sync.Mutex
	built bool
	value any
}

// NewSharedStore returns an empty store.
func NewSharedStore() *SharedStore {
	return &SharedStore{entries: map[string]*sharedEntry{}}
}

// Load returns the value stored under name. The first call for a name runs
// build and keeps its value; when build fails (or panics) nothing is kept,
// and the next call builds again. Callers that meet while a name is built
// wait for it.
func (s *SharedStore) Load(name string, build func() (any, error)) (any, error) {
	s.mu.Lock()
	e, ok := s.entries[name]
	if !ok {
		e = &sharedEntry{}
		s.entries[name] = e
	}
	s.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.built {
		return e.value, nil
	}
	v, err := build()
	if err != nil {
		return nil, err
	}
	e.value, e.built = v, true
	return v, nil
}

// Len returns how many names hold a built value.
func (s *SharedStore) Len() int {
	s.mu.Lock()
	entries := make([]*sharedEntry, 0, len(s.entries))
	for _, e := range s.entries {
		entries = append(entries, e)
	}
	s.mu.Unlock()
	n := 0
	for _, e := range entries {
		e.mu.Lock()
		if e.built {
			n++
		}
		e.mu.Unlock()
	}
	return n
}
