package main

import (
	"fmt"
	"math"
	"time"

	"github.com/wsk6/wstest/wstest"
)

// scenarioBar is a scenario's progress line as k6's executors draw it:
// nothing right of the bar before the scenarios begin, "waiting" and the
// time left until its startTime, then its executor's columns, frozen at
// the end of its duration while its iterations finish (↓) and at its end.
func scenarioBar(sc wstest.ScenarioProgress) barLine {
	l := barLine{left: sc.Name, progress: sc.Progress}
	switch {
	case sc.Waiting:
		l.status = statusWaiting
		l.right = []string{"waiting", fmtElapsed(sc.StartsIn, sc.StartTime)}
		return l
	case !sc.Started:
		return l
	case sc.Finished:
		l.status = statusDone
		if sc.Interrupted || sc.Progress < 1 {
			l.status = statusInterrupted
		}
	case sc.GracefulStop > 0 && sc.Elapsed > sc.Duration:
		// k6 takes its columns as the duration ends, just past it.
		l.status = statusStopping
		sc.Elapsed = sc.Duration + time.Nanosecond
	}
	l.right = rightColumns(sc)
	return l
}

// rightColumns are the executor's columns right of the bar.
func rightColumns(sc wstest.ScenarioProgress) []string {
	switch sc.Executor {
	case "shared-iterations":
		w := digits(sc.TotalIterations)
		return []string{fmt.Sprintf("%d VUs", sc.MaxVUs),
			fmtElapsed(sc.Elapsed, sc.Duration) + "/" + sc.Duration.String(),
			fmt.Sprintf("%0*d/%0*d shared iters", w, sc.Iterations, w, sc.TotalIterations)}
	case "per-vu-iterations":
		w := digits(sc.TotalIterations)
		return []string{fmt.Sprintf("%d VUs", sc.MaxVUs), timeColumn(sc, sc.Duration.String()),
			fmt.Sprintf("%0*d/%0*d iters, %d per VU", w, sc.Iterations, w, sc.TotalIterations, sc.IterationsPerVU)}
	case "constant-vus":
		return []string{fmt.Sprintf("%d VUs", sc.MaxVUs), timeColumn(sc, sc.Duration.String())}
	case "ramping-vus":
		w := digits(sc.MaxVUs)
		return []string{fmt.Sprintf("%0*d/%0*d VUs", w, sc.ActivatedVUs, w, sc.MaxVUs),
			timeColumn(sc, fmtElapsed(sc.Duration, sc.Duration))}
	}
	// The arrival rates: VUs inside an iteration out of those made.
	w := digits(sc.MaxVUs)
	return []string{fmt.Sprintf("%0*d/%0*d VUs", w, sc.ActiveVUs, w, sc.VUs), timeColumn(sc, sc.Duration.String()),
		fmt.Sprintf("%0*.2f iters/s", floatWidth(sc.MaxRate, 2), sc.Rate)}
}

// timeColumn is `elapsed/total` while the duration runs, then the
// duration alone.
func timeColumn(sc wstest.ScenarioProgress, total string) string {
	if sc.Elapsed > sc.Duration {
		return sc.Duration.String()
	}
	return fmtElapsed(sc.Elapsed, sc.Duration) + "/" + total
}

// digits is how many characters n takes in base 10.
func digits(n int64) int { return len(fmt.Sprint(n)) }

// floatWidth is the width of peak with precision decimals, the width k6
// zero-pads a rate to.
func floatWidth(peak float64, precision int) int {
	w := 1
	if peak < 0 {
		peak, w = -peak, w+1
	}
	if peak >= 10 {
		w += int(math.Log10(peak))
	}
	if precision > 0 {
		w += precision + 1
	}
	return w
}
