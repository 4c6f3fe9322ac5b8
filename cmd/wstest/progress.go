package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/wsk6/wstest/wstest"
)

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// progress draws k6's progress block: on a terminal redrawn in place ten
// times a second, otherwise a new block every second; the final state at
// the end.
type progress struct {
	run      *wstest.LiveRun
	w        io.Writer // the progress block
	header   io.Writer // the header, once the scenarios are known
	script   string
	outputs  string
	tty      bool
	color    bool // ✓ green, ✗ red, the bar's unfilled part dim
	lines    int  // lines of the block drawn last on a terminal
	done     chan struct{}
	finished chan struct{}
}

// startProgress prints the header on header once the plan is known, then
// draws on w; stop draws the final state.
func startProgress(run *wstest.LiveRun, header, w io.Writer, tty, color bool, script, outputs string) *progress {
	p := &progress{run: run, w: w, header: header, tty: tty, color: color, script: script, outputs: outputs,
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
		fmt.Fprintf(p.header, "\n     execution: local\n        script: %s\n        output: %s\n\n%s\n",
			p.script, p.outputs, scenariosHeader(sortedScenarios(scs)))
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.done:
				return
			case <-t.C:
				p.draw(false)
			}
		}
	}()
	return p
}

// stop ends the drawing and draws the final block; a nil progress is a no-op.
func (p *progress) stop() {
	if p == nil {
		return
	}
	close(p.done)
	<-p.finished
	if p.run != nil {
		p.draw(true)
	}
}

// draw writes one block.
func (p *progress) draw(final bool) {
	block := progressBlock(p.run.Progress(), p.run.Scenarios(), final, p.tty)
	if p.color {
		block = colorBlock(block)
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
		b.WriteString("\n")
		for _, l := range block {
			b.WriteString(l + "\n")
		}
	}
	_, _ = io.WriteString(p.w, b.String())
}

// colorBlock colours a block's glyphs and the unfilled part of its bars.
func colorBlock(block []string) []string {
	out := make([]string, len(block))
	for i, l := range block {
		l = strings.Replace(l, "✓", "\x1b[32m✓\x1b[0m", 1)
		l = strings.Replace(l, "✗", "\x1b[31m✗\x1b[0m", 1)
		if a, b := strings.Index(l, ">"), strings.Index(l, "]"); a >= 0 && b > a && strings.Contains(l[a:b], "-") {
			l = l[:a+1] + "\x1b[2m" + l[a+1:b] + "\x1b[0m" + l[b:]
		}
		out[i] = l
	}
	return out
}
