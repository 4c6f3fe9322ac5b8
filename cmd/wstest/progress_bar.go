package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The layout of k6's progress bars.
const (
	barMaxWidth  = 40 // a bar's width, brackets included, when it fits
	barMinWidth  = 8  // at or below it a bar becomes `[  10% ]`
	maxLeftWidth = 30 // names longer than it are cut with "..."
	termPadding  = 1  // columns kept free at the terminal's right edge
)

// The status glyphs of k6's progress bars.
const (
	statusNone        = ' ' // not started, running
	statusWaiting     = '•' // waiting for its startTime
	statusStopping    = '↓' // past its end, iterations finishing
	statusInterrupted = '✗'
	statusDone        = '✓'
)

// barLine is one line of a progress block: a left text, a status glyph,
// a progress in [0, 1] and right-hand columns; or, when whole is set, that
// line as it is (the `running (...)` line).
type barLine struct {
	left     string
	status   rune
	progress float64
	right    []string
	whole    string
}

// renderBars lays lines out as k6 does: left texts padded to the longest
// (at least "Init", at most maxLeftWidth), the first two right-hand columns
// padded to their longest across lines (a line's last column does not set
// the width, but is padded to it), the bars as wide as the longest line
// lets them be on a terminal termWidth wide, percentages off a terminal
// (termWidth 0).
func renderBars(lines []barLine, termWidth int, color bool) []string {
	leftWidth := len("Init")
	var colWidth [2]int
	for _, l := range lines {
		if l.whole != "" {
			continue
		}
		leftWidth = max(leftWidth, len(l.left))
		for i, c := range l.right {
			if i < len(l.right)-1 && i < len(colWidth) {
				colWidth[i] = max(colWidth[i], len(c))
			}
		}
	}
	leftWidth = min(leftWidth, maxLeftWidth)
	type parts struct{ left, right string }
	split := make([]parts, len(lines))
	widest := 0 // the longest line without its bar
	for i, l := range lines {
		if l.whole != "" {
			continue
		}
		left := l.left
		if len(left) > leftWidth {
			left = left[:leftWidth-3] + "..."
		}
		var right strings.Builder
		for j, c := range l.right {
			pad := 0
			if j < len(colWidth) {
				pad = colWidth[j]
			}
			fmt.Fprintf(&right, " %-*s", pad+1, c)
		}
		split[i] = parts{fmt.Sprintf("%-*s", leftWidth, left), right.String()}
		widest = max(widest, utf8.RuneCountInString(split[i].left+split[i].right)+len("   "))
	}
	width := barMinWidth
	if termWidth > 0 {
		width = min(max(termWidth-termPadding-widest, barMinWidth), barMaxWidth)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if l.whole != "" {
			out[i] = l.whole
			continue
		}
		out[i] = split[i].left + " " + statusGlyph(l.status, color) + " " + renderBar(l.progress, width, color) + split[i].right
	}
	return out
}

// statusGlyph is a status, coloured as k6 does: waiting faint, interrupted
// red, done green.
func statusGlyph(status rune, color bool) string {
	if status == 0 {
		status = statusNone
	}
	s := string(status)
	if !color {
		return s
	}
	switch status {
	case statusWaiting:
		return faint(s)
	case statusInterrupted:
		return "\x1b[31m" + s + "\x1b[0m"
	case statusDone:
		return "\x1b[32m" + s + "\x1b[0m"
	}
	return s
}

// faint dims s, as k6 does even for an empty s.
func faint(s string) string { return "\x1b[2m" + s + "\x1b[0m" }

// renderBar is a bar width wide, brackets included: `[====>-----]`, its
// unfilled part faint when color; at or below barMinWidth `[  10% ]`.
func renderBar(progress float64, width int, color bool) string {
	progress = min(max(progress, 0), 1)
	if width <= barMinWidth {
		return fmt.Sprintf("[ %3.f%% ]", progress*100)
	}
	space := width - 2
	filled := int(float64(space) * progress)
	var fill string
	switch {
	case filled >= space:
		fill = strings.Repeat("=", space)
	case filled > 0:
		fill = strings.Repeat("=", filled-1) + ">"
	}
	pad := strings.Repeat("-", space-len(fill))
	if color {
		pad = faint(pad)
	}
	return "[" + fill + pad + "]"
}
