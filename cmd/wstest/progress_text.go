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

// fmtElapsed formats d with a fixed width chosen from limit (or d when
// longer), both rounded to 100 ms, as k6 does: 1.0s, 01.0s, 1m01.0s,
// 01m01.0s, 1h01m01.0s, 01h01m01.0s, then days (1d01h01m01.0s).
func fmtElapsed(d, limit time.Duration) string {
	const unit = 100 * time.Millisecond
	d, limit = d.Abs(), limit.Abs()
	limit = max(limit, d).Round(unit)
	t := int64(d.Round(unit) / unit) // tenths of a second
	tenth, sec, mins, hours, days := t%10, t/10%60, t/600%60, t/36000%24, t/864000
	switch {
	case limit < 10*time.Second:
		return fmt.Sprintf("%d.%ds", sec%10, tenth)
	case limit < time.Minute:
		return fmt.Sprintf("%02d.%ds", sec, tenth)
	case limit < 10*time.Minute:
		return fmt.Sprintf("%dm%02d.%ds", mins%10, sec, tenth)
	case limit < time.Hour:
		return fmt.Sprintf("%02dm%02d.%ds", mins, sec, tenth)
	case limit < 10*time.Hour:
		return fmt.Sprintf("%dh%02dm%02d.%ds", hours%10, mins, sec, tenth)
	case limit < 24*time.Hour:
		return fmt.Sprintf("%02dh%02dm%02d.%ds", hours, mins, sec, tenth)
	}
	// One digit of days, and one more for each power of ten of limit's days.
	width := 1
	for n := limit / (240 * time.Hour); n > 0; n /= 10 {
		width++
	}
	return fmt.Sprintf("%0*dd%02dh%02dm%02d.%ds", width, days, hours, mins, sec, tenth)
}

// progressBlock is the run line and one line per scenario, laid out as
// k6 does for a terminal termWidth wide (0: not a terminal, bars become
// percentages), coloured when color.
func progressBlock(p wstest.Progress, scs []wstest.ScenarioProgress, final bool, termWidth int, color bool) []string {
	scs = sortedScenarios(scs)
	limit := planMaxDuration(scs)
	bars := make([]barLine, 0, len(scs)+1)
	width := len(fmt.Sprint(p.VUs))
	run := barLine{whole: fmt.Sprintf("running (%s), %0*d/%0*d VUs, %d complete and %d interrupted iterations",
		fmtElapsed(p.Elapsed, limit), width, p.ActiveVUs, width, p.VUs, p.Iterations, p.Interrupted)}
	switch {
	case final && p.Stage != "setup" && p.Stage != "paused":
		// A run that ended in setup() or while paused keeps that line, as
		// in k6; after teardown() the run line comes back.
	case p.Stage == "init":
		// As k6's init bar: the VUs made so far, zero-padded to the total.
		run = barLine{left: "Init", progress: 1}
		if p.InitVUs > 0 {
			run.progress = float64(p.VUs) / float64(p.InitVUs)
		}
		run.right = []string{fmt.Sprintf("%0*d/%d VUs initialized", len(fmt.Sprint(p.InitVUs)), p.VUs, p.InitVUs)}
	case p.Stage == "paused":
		run = barLine{left: "Run", progress: 1, right: []string{"paused"}}
	case p.Stage != "":
		run = barLine{left: "Run", progress: 1, right: []string{p.Stage + "()"}} // setup(), teardown()
	}
	bars = append(bars, run)
	for _, sc := range scs {
		bars = append(bars, scenarioBar(sc))
	}
	return renderBars(bars, termWidth, color)
}
