package vu_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/vu"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestSharedStoreBuildsOnce: concurrent first loads of a name build it once
// and all see the same value.
func TestSharedStoreBuildsOnce(t *testing.T) {
	g := NewWithT(t)
	s := vu.NewSharedStore()
	var builds atomic.Int64
	var wg sync.WaitGroup
	got := make([]any, 50)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := s.Load("users", func() (any, error) {
				builds.Add(1)
				return []string{"a"}, nil
			})
			if err == nil {
				got[i] = v
			}
		}()
	}
	wg.Wait()
	g.Expect(builds.Load()).To(BeEquivalentTo(1))
	for _, v := range got {
		g.Expect(v).To(Equal([]string{"a"}))
	}
	g.Expect(s.Len()).To(Equal(1))
}

// TestSharedStoreFailedBuild: an error or a panic keeps nothing, and the
// next load builds again.
func TestSharedStoreFailedBuild(t *testing.T) {
	g := NewWithT(t)
	s := vu.NewSharedStore()
	_, err := s.Load("x", func() (any, error) { return nil, errors.New("boom") })
	g.Expect(err).To(MatchError("boom"))
	g.Expect(func() {
		_, _ = s.Load("x", func() (any, error) { panic("thrown") })
	}).To(PanicWith("thrown"))
	g.Expect(s.Len()).To(BeZero())
	v, err := s.Load("x", func() (any, error) { return 2, nil })
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v).To(Equal(2))
	v, _ = s.Load("x", func() (any, error) { return 3, nil })
	g.Expect(v).To(Equal(2))
}
