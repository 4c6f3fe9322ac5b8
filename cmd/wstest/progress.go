package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/wsk6/wstest/wstest"
)

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// defaultTermWidth is the width assumed of a terminal that does not say.
const defaultTermWidth = 80

// terminalWidth returns a function that reads the width of the terminal
// f is, as it is now (the user may resize it).
func terminalWidth(f *os.File) func() int {
	return func() int {
		w, _, err := term.GetSize(int(f.Fd()))
		if err != nil || w <= 0 {
			return defaultTermWidth
		}
		return w
	}
}

// progress draws k6's progress block on stdout: on a terminal redrawn in
// place ten times a second (log lines go above it), otherwise a new block
// every second; its final state after the summary.
type progress struct {
	run     *wstest.LiveRun
	w       io.Writer // the header and the progress blocks
	script  string
	outputs string
	tty     bool
	width   func() int // the terminal's width, read at each redraw
	color   bool       // ✓ green, ✗ red, • and the bar's unfilled part dim

	mu sync.Mutex // one writer of the block at a time
	// onScreen is the block on the terminal now, as written (it ends by
	// taking the cursor back to its top), "" when none is.
	onScreen string
	stopped  bool // no redraw after stop
	done     chan struct{}
	finished chan struct{}
}

// startProgress prints the header once the plan is known, then draws
// blocks until stop; width is nil when w is not a terminal.
func startProgress(run *wstest.LiveRun, w io.Writer, width func() int, color bool, script, outputs string) *progress {
	tty := width != nil
	p := &progress{run: run, w: w, tty: tty, width: width, color: color, script: script, outputs: outputs,
		done: make(chan struct{}), finished: make(chan struct{})}
	interval := time.Second
	if tty {
		interval = 100 * time.Millisecond
	}
	go func() {
		defer close(p.finished)
		<-run.Ready() // closes at the latest when the run ends, before stop
		scs := run.Scenarios()
		if scs == nil {
			p.run = nil // the run ended before it started: nothing to draw
			return
		}
		p.mu.Lock()
		fmt.Fprint(p.w, "\n"+header(run, p.script, p.outputs, p.value))
		p.mu.Unlock()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				return
			case <-t.C:
				p.draw(false, true)
			}
		}
	}()
	return p
}

// value colours a header value cyan on a terminal, as k6 does.
func (p *progress) value(s string) string {
	if !p.color {
		return s
	}
	return "\x1b[36m" + s + "\x1b[0m"
}

// stop ends the drawing and takes the block off the terminal, so that the
// summary follows what was printed before it; a nil progress is a no-op.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.done)
	<-p.finished
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	if p.onScreen != "" {
		_, _ = io.WriteString(p.w, "\x1b[J") // the cursor is at the block's top
		p.onScreen = ""
	}
}

// final draws the block's final state, after the summary (whose trailing
// blank lines stand for the block's own) when one was printed.
func (p *progress) final(afterSummary bool) {
	if p == nil || p.run == nil {
		return
	}
	p.draw(true, !afterSummary)
}

// above writes a log line to w, a terminal, while the block may be on it:
// as k6 does, the line takes the block's place, each of its line ends
// erasing what is left of the block's line, and the block is drawn again
// below it. A nil progress just writes.
func (p *progress) above(w io.Writer, line string) {
	if p == nil {
		_, _ = io.WriteString(w, line)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.onScreen == "" {
		_, _ = io.WriteString(w, line)
		return
	}
	_, _ = io.WriteString(w, strings.ReplaceAll(line, "\n", "\x1b[0K\n"))
	_, _ = io.WriteString(p.w, p.onScreen)
}

// draw writes one block. Off a terminal it is appended, after a blank line
// when spaced. On a terminal it is written as k6 does: a blank line, each
// line ending by erasing the rest of it, then (but for the final block)
// the cursor goes back to the block's top, where the next one overwrites it.
func (p *progress) draw(final, spaced bool) {
	termWidth := 0
	if p.tty {
		termWidth = p.width()
	}
	block := progressBlock(p.run.Progress(), p.run.Scenarios(), final, termWidth, p.color)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped && !final {
		return
	}
	var b strings.Builder
	if !p.tty {
		if spaced {
			b.WriteString("\n")
		}
		for _, l := range block {
			b.WriteString(l + "\n")
		}
		_, _ = io.WriteString(p.w, b.String())
		return
	}
	b.WriteString("\x1b[K\n")
	up := 1
	for _, l := range block {
		b.WriteString(l + "\x1b[K\n")
		up += 1 + (visibleWidth(l)-1)/termWidth // a line wider than the terminal wraps
	}
	if final {
		p.onScreen = ""
	} else {
		fmt.Fprintf(&b, "\r\x1b[J\x1b[%dA", up)
		p.onScreen = b.String()
	}
	_, _ = io.WriteString(p.w, b.String())
}

// ansiEscape is a colour or cursor escape sequence.
var ansiEscape = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// visibleWidth is how many columns s takes on a terminal.
func visibleWidth(s string) int {
	return utf8.RuneCountInString(ansiEscape.ReplaceAllString(s, ""))
}

// header is k6's header block: execution, script, outputs, then the
// scenarios; value colours the values. The run's plan must be known.
func header(run *wstest.LiveRun, script, outputs string, value func(string) string) string {
	return fmt.Sprintf("     execution: %s\n        script: %s\n        output: %s\n\n%s\n",
		value("local"), value(script), value(outputs), scenariosHeader(sortedScenarios(run.Scenarios()), run.MaxVUs(), value))
}

// logHeader writes the header to the debug log once the plan is known, as
// k6 does with --quiet (seen with -v); wait returns once it is done.
func logHeader(run *wstest.LiveRun, log *logger, script, outputs string) (wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-run.Ready()
		if run.Scenarios() != nil {
			log.log("debug", header(run, script, outputs, func(s string) string { return s }))
		}
	}()
	return func() { <-done }
}
