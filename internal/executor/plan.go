package executor

import (
	"cmp"
	"slices"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// PlannedVUs is how many VUs the scenarios use at once at most, counting
// each scenario's InitialVUs from its startTime to its MaxDuration: the
// VUs k6 makes before the test and the scenarios share, one after another.
func PlannedVUs(scs []*options.Scenario) int { return mostAtOnce(scs, InitialVUs) }

// MaxPossibleVUs is PlannedVUs with the VUs arrival-rate scenarios may add
// during the run (up to maxVUs): k6's "max VUs" in the header.
func MaxPossibleVUs(scs []*options.Scenario) int { return mostAtOnce(scs, MaxVUs) }

// mostAtOnce is the largest sum of vus(sc) over the scenarios running at
// the same moment. A scenario that ends when another starts hands its VUs
// over: the two are not counted together.
func mostAtOnce(scs []*options.Scenario, vus func(*options.Scenario) int) int {
	type change struct {
		at    time.Duration
		delta int
	}
	changes := make([]change, 0, 2*len(scs))
	for _, sc := range scs {
		n := vus(sc)
		changes = append(changes, change{time.Duration(sc.StartTime), n}, change{MaxDuration(sc), -n})
	}
	slices.SortFunc(changes, func(a, b change) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.delta, b.delta)) // ends first
	})
	most, now := 0, 0
	for _, c := range changes {
		now += c.delta
		most = max(most, now)
	}
	return most
}
