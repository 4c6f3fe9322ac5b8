package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

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

	mu       sync.Mutex // one writer of the block at a time
	lines    int        // lines of the block on the terminal now
	stopped  bool       // no redraw after stop
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
		fmt.Fprintf(p.w, "\n     execution: %s\n        script: %s\n        output: %s\n\n%s\n",
			p.value("local"), p.value(p.script), p.value(p.outputs), scenariosHeader(sortedScenarios(scs), run.MaxVUs(), p.value))
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
	p.clear()
}

// final draws the block's final state, after the summary (whose trailing
// blank lines stand for the block's own) when one was printed.
func (p *progress) final(afterSummary bool) {
	if p == nil || p.run == nil {
		return
	}
	p.draw(true, !afterSummary)
}

// above writes a log line above the block: on a terminal the block is
// taken off and redrawn below at the next tick. A nil progress just writes.
func (p *progress) above(write func()) {
	if p == nil {
		write()
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	write()
}

// clear takes the block off the terminal; p.mu is held.
func (p *progress) clear() {
	if p.tty && p.lines > 0 {
		fmt.Fprintf(p.w, "\x1b[%dA\x1b[J", p.lines)
		p.lines = 0
	}
}

// draw writes one block, preceded by a blank line off a terminal when
// spaced.
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
	if p.tty {
		if p.lines > 0 {
			fmt.Fprintf(&b, "\x1b[%dA", p.lines)
		}
		for _, l := range block {
			b.WriteString(l + "\x1b[K\n")
		}
		b.WriteString("\x1b[J")
		p.lines = len(block)
		if final {
			p.lines = 0
		}
	} else {
		if spaced {
			b.WriteString("\n")
		}
		for _, l := range block {
			b.WriteString(l + "\n")
		}
	}
	_, _ = io.WriteString(p.w, b.String())
}
