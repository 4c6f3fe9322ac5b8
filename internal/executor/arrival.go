package executor

import (
	"fmt"
	"sync"
	"time"
)

// arrivals runs an arrival-rate scenario: at every Arrival it takes a free
// VU slot from the pool and runs the iteration on it, or, when none is
// free, drops the iteration and asks for one more VU (up to maxVUs), which
// joins the pool once made. It returns at the soft end (or the run's),
// once every iteration and every VU being made has returned.
func (r *run) arrivals() {
	maxVUs := MaxVUs(r.cfg)
	pool := make(chan int, maxVUs) // free slots; never more than maxVUs
	made := InitialVUs(r.cfg)      // slots ready or being made
	for slot := range made {
		pool <- slot
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	warned := false
	start := r.Start()
	for i := int64(0); ; i++ {
		at, ok := Arrival(r.cfg, i)
		if !ok { // the scenario lasts its duration all the same
			sleep(r.hard, time.Until(r.soft))
			return
		}
		r.due.Store(i)
		// An iteration due before the soft end starts even when this
		// goroutine wakes late (a loaded machine): it is not lost, it
		// starts late, or is dropped if no VU is free by then.
		due := start.Add(at)
		if !sleep(r.hard, time.Until(due)) {
			return
		}
		select {
		case slot := <-pool:
			if r.hard.Err() != nil { // the slot may be free because the hard end came
				return
			}
			wg.Go(func() {
				r.once(slot, due)
				pool <- slot
			})
			continue
		default:
		}
		r.dropped.Add(1)
		if r.settings.Dropped != nil {
			r.settings.Dropped(due)
		}
		switch {
		case made < maxVUs:
			slot := made
			made++
			wg.Go(func() {
				if r.addVU(slot) {
					r.allocated.Add(1)
					pool <- slot
				}
			})
		case !warned && r.settings.Warn != nil:
			warned = true
			r.settings.Warn(fmt.Sprintf("scenario %s: no VU free and maxVUs (%d) reached, iterations are dropped (dropped_iterations); raise preAllocatedVUs or maxVUs",
				r.cfg.Name, maxVUs))
		}
	}
}

// addVU makes the VU of slot ready; it reports whether it is.
func (r *run) addVU(slot int) bool {
	if r.settings.AddVU == nil {
		return true
	}
	return r.settings.AddVU(r.hard, slot) == nil
}
