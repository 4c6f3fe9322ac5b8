package metrics

import (
	"sort"
	"strings"
	"time"
)

// SubMetric is the part of a metric whose samples carry given tags (k6's
// "name{tag:value}"). It is fed live from the moment it exists; samples
// kept before that are folded in when it is created, so it is exact
// whenever it is made before the run or the registry keeps samples.
type SubMetric struct {
	Parent *Metric
	// Tags is the selector: every pair must be on a sample.
	Tags map[string]string
	// Name is "parent{key:value,key2:value2}", keys sorted.
	Name string

	sink  sink
	match map[uint32]bool // TagSet id -> selected; guarded by Parent.mu
}

// SelectorString renders a selector as "key:value,key2:value2", keys sorted.
func SelectorString(sel map[string]string) string {
	keys := make([]string, 0, len(sel))
	for k := range sel {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ":" + sel[k]
	}
	return strings.Join(parts, ",")
}

// Sub returns the submetric of samples whose tags contain every pair of
// sel, creating it on first use (the same selector gives the same value).
func (m *Metric) Sub(sel map[string]string) *SubMetric {
	name := m.Name + "{" + SelectorString(sel) + "}"
	table := m.reg.tags.snapshot()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.subs {
		if s.Name == name {
			return s
		}
	}
	cp := make(map[string]string, len(sel))
	for k, v := range sel {
		cp[k] = v
	}
	s := &SubMetric{Parent: m, Tags: cp, Name: name, match: map[uint32]bool{}}
	s.sink.typ = m.Type
	m.backfill(s, table)
	m.subs = append(m.subs, s)
	return s
}

// matches reports whether a sample with tags belongs to the submetric.
// Callers hold Parent.mu.
func (s *SubMetric) matches(tags *TagSet) bool { return s.matchesID(tags.id, tags) }

func (s *SubMetric) matchesID(id uint32, tags *TagSet) bool {
	ok, seen := s.match[id]
	if !seen {
		ok = tags.Contains(s.Tags)
		s.match[id] = ok
	}
	return ok
}

// Count returns the number of samples in the submetric.
func (s *SubMetric) Count() int {
	s.Parent.mu.Lock()
	defer s.Parent.mu.Unlock()
	return s.sink.count
}

// Stat returns one aggregate of the submetric, as Metric.Stat does.
func (s *SubMetric) Stat(name string, d time.Duration) (float64, bool) {
	n, err := ParseStat(name)
	if err != nil {
		return 0, false
	}
	return s.Aggregate(n, d)
}

// Aggregate is Stat for a parsed aggregation name.
func (s *SubMetric) Aggregate(n Stat, d time.Duration) (float64, bool) {
	s.Parent.mu.Lock()
	defer s.Parent.mu.Unlock()
	return s.sink.value(n, d, nil)
}

// RateCounts returns the submetric's non-zero samples and total samples.
func (s *SubMetric) RateCounts() (trues, total int) {
	s.Parent.mu.Lock()
	defer s.Parent.mu.Unlock()
	return s.sink.trues, s.sink.count
}

// View returns an unregistered submetric computed from the kept samples
// only (empty when samples are not kept); it does not follow later samples.
func (m *Metric) View(sel map[string]string) *SubMetric {
	table := m.reg.tags.snapshot()
	s := &SubMetric{Parent: m, Tags: sel, Name: m.Name + "{" + SelectorString(sel) + "}", match: map[uint32]bool{}}
	s.sink.typ = m.Type
	m.mu.Lock()
	defer m.mu.Unlock()
	m.backfill(s, table)
	return s
}

// backfill folds the kept samples that s selects into s. table is a
// snapshot of the registry's tag sets; callers hold m.mu.
func (m *Metric) backfill(s *SubMetric, table []*TagSet) {
	if m.samples.values.len() == 0 {
		return
	}
	ids := make([]uint32, 0, m.samples.tags.len())
	m.samples.tags.each(0, func(id uint32) { ids = append(ids, id) })
	i := 0
	m.samples.values.each(0, func(v float64) {
		id := ids[i]
		i++
		if int(id) >= len(table) {
			table = m.reg.tags.snapshot()
		}
		if s.matchesID(id, table[id]) {
			s.sink.add(v, true)
		}
	})
}

// TagValues adds to into the distinct values of tag key on the kept
// samples.
func (m *Metric) TagValues(key string, into map[string]bool) {
	table := m.reg.tags.snapshot()
	seen := map[uint32]bool{}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.samples.tags.each(0, func(id uint32) {
		if seen[id] {
			return
		}
		seen[id] = true
		if int(id) >= len(table) {
			table = m.reg.tags.snapshot()
		}
		if v, ok := table[id].Get(key); ok {
			into[v] = true
		}
	})
}
