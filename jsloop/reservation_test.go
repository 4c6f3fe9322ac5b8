package jsloop_test

import (
	"context"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/jsloop"
)

// TestReservationReused: one Reservation, taken again after each of its
// tasks and released from another goroutine, keeps Run going until the
// last release, and its tasks run in order.
func TestReservationReused(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	var res jsloop.Reservation
	const rounds = 100
	var got []int
	err := v.loop.Run(context.Background(), func() error {
		n := 0
		var next func() error
		next = func() error {
			got = append(got, n)
			if n++; n < rounds {
				v.loop.Reserve(&res)
				go res.Enqueue(next)
			}
			return nil
		}
		v.loop.Reserve(&res)
		go res.Enqueue(next)
		return nil
	})
	g.Expect(err).To(Succeed())
	g.Expect(got).To(HaveLen(rounds))
	for i, n := range got {
		g.Expect(n).To(Equal(i))
	}
}

// TestReservationMisusePanics: a Reservation is held at most once at a
// time, released only when held, and taken only inside Run.
func TestReservationMisusePanics(t *testing.T) {
	t.Parallel()
	g := NewWithT(t)
	v := newVU(t)
	var res jsloop.Reservation
	g.Expect(func() { v.loop.Reserve(&res) }).To(PanicWith(ContainSubstring("outside Run")))
	err := v.loop.Run(context.Background(), func() error {
		v.loop.Reserve(&res)
		g.Expect(func() { v.loop.Reserve(&res) }).To(PanicWith(ContainSubstring("already held")))
		res.Enqueue(nil)
		g.Expect(func() { res.Enqueue(nil) }).To(PanicWith(ContainSubstring("not held")))
		return nil
	})
	g.Expect(err).To(Succeed())
}

// TestReservationDoesNotAllocate: taking and releasing a Reservation costs
// no allocation, which is why it exists beside RegisterCallback.
func TestReservationDoesNotAllocate(t *testing.T) {
	g := NewWithT(t)
	v := newVU(t)
	var res jsloop.Reservation
	noop := func() error { return nil }
	var allocs float64
	err := v.loop.Run(context.Background(), func() error {
		allocs = testing.AllocsPerRun(1000, func() {
			v.loop.Reserve(&res)
			res.Enqueue(noop)
		})
		return nil
	})
	g.Expect(err).To(Succeed())
	g.Expect(allocs).To(BeZero())
}
