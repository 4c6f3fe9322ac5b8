package execution

import (
	"sort"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// tagsView backs exec.vu.tags: reads and writes go to the VU's base tags.
type tagsView struct{ vu *vu.VU }

var _ goja.DynamicObject = (*tagsView)(nil)

func (t *tagsView) Get(key string) goja.Value {
	if v, ok := t.vu.BaseTags().Get(key); ok {
		return t.vu.Runtime.ToValue(v)
	}
	return goja.Undefined()
}

func (t *tagsView) Set(key string, val goja.Value) bool {
	switch val.Export().(type) {
	case string, int64, float64, bool:
	default:
		t.vu.Logf(vu.LevelWarn, "only String, Boolean and Number types are accepted as a metric tag value, the tag %q was not set", key)
		return false
	}
	t.vu.SetBaseTags(t.vu.BaseTags().With(key, val.String()))
	return true
}

func (t *tagsView) Has(key string) bool {
	_, ok := t.vu.BaseTags().Get(key)
	return ok
}

func (t *tagsView) Delete(key string) bool {
	t.vu.SetBaseTags(t.vu.BaseTags().Without(key))
	return true
}

func (t *tagsView) Keys() []string {
	m := t.vu.BaseTags().Map()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
