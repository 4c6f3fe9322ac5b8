package metrics

import (
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Registry holds a run's metrics and interned tag sets. Safe for concurrent use.
type Registry struct {
	tags    *tagInterner
	empty   *TagSet
	room    atomic.Int64 // samples that may still be kept
	dropped atomic.Int64 // samples added while there was no room
	outputs atomic.Pointer[[]Output]

	mu      sync.RWMutex // guards metrics
	metrics map[string]*Metric
}

// Output receives every sample as it is added (from any goroutine).
type Output interface {
	AddSample(m *Metric, t time.Time, v float64, tags *TagSet, md Metadata)
}

// NewRegistry makes an empty registry that keeps samples.
func NewRegistry() *Registry {
	in := newTagInterner()
	r := &Registry{tags: in, empty: in.byID(0), metrics: map[string]*Metric{}}
	r.room.Store(math.MaxInt64)
	return r
}

// ValidName reports whether name is a valid k6 metric name: an ASCII letter
// or underscore, then 1 to 128 letters, digits or underscores.
func ValidName(name string) bool {
	if len(name) < 2 || len(name) > 129 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// Register returns the metric called name, creating it. Same name with the
// same type and value type returns the existing metric; otherwise k6's errors
// (invalid name text, "metric 'x' already exists but with type ...").
func (r *Registry) Register(name string, t Type, vt ValueType) (*Metric, error) {
	if !ValidName(name) {
		// k6's exact text, capital and full stop included: scripts see it.
		return nil, &NameError{Name: name}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.metrics[name]; ok {
		if m.Type != t {
			return nil, fmt.Errorf("metric '%s' already exists but with type %s, instead of %s", name, m.Type, t)
		}
		if m.Contains != vt {
			return nil, fmt.Errorf("metric '%s' already exists but with a value type %s, instead of %s", name, m.Contains, vt)
		}
		return m, nil
	}
	m := &Metric{Name: name, Type: t, Contains: vt, reg: r}
	m.sink.typ = t
	r.metrics[name] = m
	return m, nil
}

// MustRegister is Register that panics on error, for names known to be valid.
func (r *Registry) MustRegister(name string, t Type, vt ValueType) *Metric {
	m, err := r.Register(name, t, vt)
	if err != nil {
		panic(err)
	}
	return m
}

// Get returns the metric called name or nil.
func (r *Registry) Get(name string) *Metric {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.metrics[name]
}

// All returns every metric, sorted by name.
func (r *Registry) All() []*Metric {
	r.mu.RLock()
	out := make([]*Metric, 0, len(r.metrics))
	for _, m := range r.metrics {
		out = append(out, m)
	}
	r.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// EmptyTags returns the interned empty tag set of this registry.
func (r *Registry) EmptyTags() *TagSet { return r.empty }

// Tags returns the interned set holding the pairs of m.
func (r *Registry) Tags(m map[string]string) *TagSet { return r.tags.fromMap(m) }

// SetKeepSamples chooses whether samples are kept (aggregates stay exact either way).
// Call it before samples are added; it applies to samples added afterwards.
func (r *Registry) SetKeepSamples(keep bool) {
	if keep {
		r.SetSampleLimit(-1)
	} else {
		r.SetSampleLimit(0)
	}
}

// SetSampleLimit keeps at most n samples over all metrics (n < 0: no
// limit), so that a long run's memory stays bounded; aggregates, thresholds
// and outputs see every sample either way. Call it before samples are added.
func (r *Registry) SetSampleLimit(n int64) {
	if n < 0 {
		n = math.MaxInt64
	}
	r.room.Store(n)
}

// SamplesNotKept counts the samples added after the limit was reached.
func (r *Registry) SamplesNotKept() int64 { return r.dropped.Load() }

// takeRoom reports whether one more sample may be kept, and counts it.
func (r *Registry) takeRoom() bool {
	if r.room.Load() > 0 && r.room.Add(-1) >= 0 {
		return true
	}
	r.dropped.Add(1)
	return false
}

// AddOutput adds a receiver of every sample (JSON output).
func (r *Registry) AddOutput(o Output) {
	for {
		old := r.outputs.Load()
		var next []Output
		if old != nil {
			next = append(next, *old...)
		}
		next = append(next, o)
		if r.outputs.CompareAndSwap(old, &next) {
			return
		}
	}
}

// NameError is the error for an invalid metric name; its text is k6's, word
// for word, because scripts see it.
type NameError struct{ Name string }

// Error says which name is invalid and what a valid name is.
func (e *NameError) Error() string {
	return fmt.Sprintf("Invalid metric name: '%s'. Metric names must only include up to 128 ASCII letters, numbers, or underscores and start with a letter or an underscore.", e.Name)
}
