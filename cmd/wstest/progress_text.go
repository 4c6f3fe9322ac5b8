package main

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/wsk6/wstest/wstest"
)

// sortedScenarios returns a copy sorted by startTime, then name, as k6
// lists them.
func sortedScenarios(scs []wstest.ScenarioProgress) []wstest.ScenarioProgress {
	scs = append([]wstest.ScenarioProgress(nil), scs...)
	sort.SliceStable(scs, func(i, j int) bool {
		if scs[i].StartTime != scs[j].StartTime {
			return scs[i].StartTime < scs[j].StartTime
		}
		return scs[i].Name < scs[j].Name
	})
	return scs
}

// planMaxDuration is the run's longest possible duration, graceful stops included.
func planMaxDuration(scs []wstest.ScenarioProgress) time.Duration {
	var d time.Duration
	for _, sc := range scs {
		d = max(d, sc.StartTime+sc.MaxDuration)
	}
	return d
}

// scenariosHeader is the header's scenarios block, maxVUs the most VUs
// the plan uses at once; value colours its values.
func scenariosHeader(scs []wstest.ScenarioProgress, maxVUs int64, value func(string) string) string {
	var b strings.Builder
	noun := "scenarios"
	if len(scs) == 1 {
		noun = "scenario"
	}
	fmt.Fprintf(&b, "     scenarios: %s\n", value(fmt.Sprintf("(100.00%%) %d %s, %d max VUs, %s max duration (incl. graceful stop):",
		len(scs), noun, maxVUs, planMaxDuration(scs))))
	for _, sc := range scs {
		fmt.Fprintf(&b, "              * %s: %s\n", sc.Name, value(sc.Description))
	}
	return b.String()
}

// fmtElapsed formats d with a fixed width chosen from limit, rounded to
// 100 ms: 1.0s, 01.0s, 1m01.0s, 01m01.0s, 1h01m01.0s.
func fmtElapsed(d, limit time.Duration) string {
	d = d.Round(100 * time.Millisecond)
	sec := float64(d%time.Minute) / float64(time.Second)
	mins := int64(d / time.Minute)
	switch {
	case limit < 10*time.Second:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case limit < time.Minute:
		return fmt.Sprintf("%04.1fs", d.Seconds())
	case limit < 10*time.Minute:
		return fmt.Sprintf("%dm%04.1fs", mins, sec)
	case limit < time.Hour:
		return fmt.Sprintf("%02dm%04.1fs", mins, sec)
	}
	return fmt.Sprintf("%dh%02dm%04.1fs", mins/60, mins%60, sec)
}

// progressBlock is the run line and one line per scenario.
func progressBlock(p wstest.Progress, scs []wstest.ScenarioProgress, final, tty bool) []string {
	scs = sortedScenarios(scs)
	limit := planMaxDuration(scs)
	width := len(fmt.Sprint(p.VUs))
	lines := []string{fmt.Sprintf("running (%s), %0*d/%0*d VUs, %d complete and %d interrupted iterations",
		fmtElapsed(p.Elapsed, limit), width, p.ActiveVUs, width, p.VUs, p.Iterations, p.Interrupted)}
	nameWidth := len("Run")
	for _, sc := range scs {
		nameWidth = max(nameWidth, min(len(sc.Name), 30))
	}
	switch {
	case final:
	case p.Stage == "init":
		// As k6's init bar: the VUs made so far, zero-padded to the total.
		done := 1.0
		if p.InitVUs > 0 {
			done = float64(p.VUs) / float64(p.InitVUs)
		}
		w := len(fmt.Sprint(p.InitVUs))
		lines[0] = fmt.Sprintf("%-*s   %s %0*d/%d VUs initialized", nameWidth, "Init", bar(done, tty), w, p.VUs, p.InitVUs)
	case p.Stage == "paused":
		lines[0] = fmt.Sprintf("%-*s   %s paused", nameWidth, "Run", bar(1, tty))
	case p.Stage != "":
		lines[0] = fmt.Sprintf("%-*s   %s %s()", nameWidth, "Run", bar(1, tty), p.Stage) // setup(), teardown()
	}
	for _, sc := range scs {
		glyph := " "
		if sc.Finished || final {
			glyph = "✓"
			if sc.Progress < 1 && (sc.TotalIterations > 0 || !sc.Finished) {
				glyph = "✗"
			}
		}
		name := sc.Name
		if len(name) > 30 {
			name = name[:30]
		}
		lines = append(lines, fmt.Sprintf("%-*s %s %s %s", nameWidth, name, glyph, bar(sc.Progress, tty), rightText(sc, final)))
	}
	return lines
}

// bar is `[  10% ]` off a terminal, `[===>----]` on one.
func bar(progress float64, tty bool) string {
	if !tty {
		return fmt.Sprintf("[ %3d%% ]", int(progress*100))
	}
	const width = 40
	filled := int(progress * width)
	if filled >= width {
		return "[" + strings.Repeat("=", width) + "]"
	}
	return "[" + strings.Repeat("=", filled) + ">" + strings.Repeat("-", width-filled-1) + "]"
}

// rightText is the executor's text after the bar.
func rightText(sc wstest.ScenarioProgress, final bool) string {
	elapsed := fmtElapsed(min(sc.Elapsed, sc.Duration), sc.Duration)
	switch sc.Executor {
	case "shared-iterations":
		w := len(fmt.Sprint(sc.TotalIterations))
		return fmt.Sprintf("%d VUs  %s/%s  %0*d/%d shared iters", sc.ActiveVUs, elapsed, sc.Duration, w, sc.Iterations, sc.TotalIterations)
	case "per-vu-iterations":
		return fmt.Sprintf("%d VUs  %s/%s  %d/%d iters, %d per VU", sc.ActiveVUs, elapsed, sc.Duration, sc.Iterations, sc.TotalIterations, sc.IterationsPerVU)
	case "constant-vus":
		if sc.Finished || final {
			return fmt.Sprintf("%d VUs  %s", sc.MaxVUs, sc.Duration)
		}
		return fmt.Sprintf("%d VUs  %s/%s", sc.ActiveVUs, elapsed, sc.Duration)
	}
	if sc.Finished || final {
		return fmt.Sprintf("%d/%d VUs  %s", sc.ActiveVUs, sc.MaxVUs, sc.Duration)
	}
	return fmt.Sprintf("%d/%d VUs  %s/%s", sc.ActiveVUs, sc.MaxVUs, elapsed, sc.Duration)
}
