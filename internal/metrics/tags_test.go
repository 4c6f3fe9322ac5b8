package metrics_test

import (
	"sync"
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/metrics"
)

func TestTagSetInterning(t *testing.T) {
	g := gomega.NewWithT(t)
	r := metrics.NewRegistry()
	e := r.EmptyTags()
	a := e.With("scenario", "default").With("group", "::g1")
	b := e.With("group", "::g1").With("scenario", "default")
	g.Expect(a).To(gomega.BeIdenticalTo(b))
	g.Expect(a.String()).To(gomega.Equal("{group:::g1,scenario:default}"))
	g.Expect(e.String()).To(gomega.Equal("{}"))
	g.Expect(a.Without("group")).To(gomega.BeIdenticalTo(e.With("scenario", "default")))
	g.Expect(a.Without("nope")).To(gomega.BeIdenticalTo(a))
	g.Expect(a.Without("group").Without("scenario")).To(gomega.BeIdenticalTo(e))
	g.Expect(a.With("group", "::g1")).To(gomega.BeIdenticalTo(a))
	g.Expect(a.With("group", "::g2").String()).To(gomega.Equal("{group:::g2,scenario:default}"))
	g.Expect(r.Tags(map[string]string{"scenario": "default", "group": "::g1"})).To(gomega.BeIdenticalTo(a))
	g.Expect(e.WithMap(map[string]string{"scenario": "default", "group": "::g1"})).To(gomega.BeIdenticalTo(a))

	v, ok := a.Get("group")
	g.Expect(ok).To(gomega.BeTrue())
	g.Expect(v).To(gomega.Equal("::g1"))
	_, ok = a.Get("url")
	g.Expect(ok).To(gomega.BeFalse())

	m := a.Map()
	m["x"] = "mutated"
	g.Expect(a.Map()).To(gomega.Equal(map[string]string{"group": "::g1", "scenario": "default"}))
	g.Expect(a.Contains(map[string]string{"group": "::g1"})).To(gomega.BeTrue())
	g.Expect(a.Contains(map[string]string{"group": "::g2"})).To(gomega.BeFalse())

	// Sets from different registries are distinct.
	other := metrics.NewRegistry().EmptyTags().With("group", "::g1").With("scenario", "default")
	g.Expect(other).NotTo(gomega.BeIdenticalTo(a))
}

func TestTagSetConcurrentInterning(t *testing.T) {
	r := metrics.NewRegistry()
	const n = 8
	got := make([]*metrics.TagSet, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = r.EmptyTags().With("url", "ws://x").With("status", "101")
		}()
	}
	wg.Wait()
	for i := range got {
		if got[i] != got[0] {
			t.Fatalf("set %d is %p, want %p", i, got[i], got[0])
		}
	}
}
