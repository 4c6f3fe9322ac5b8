package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/wsk6/wstest/wstest"
)

// exitExternalAbort is the exit code of a run stopped by a signal.
const exitExternalAbort = wstest.ExitExternalAbort

// execute runs the plan, prints what k6 prints and returns the exit code.
func (p *runPlan) execute(c *cli, f *runFlags, log *logger) int {
	console := log
	if f.consoleOutput != "" {
		fh, err := os.OpenFile(f.consoleOutput, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			log.errorf("%s", err)
			return wstest.ExitInvalidConfig
		}
		defer fh.Close()
		console = &logger{w: fh, format: log.format, verbose: log.verbose, now: c.now, nano: log.nano} // no colour in a file
	}
	opts := append(p.opts, wstest.WithLogOutput(func(e wstest.LogEntry) {
		// Only the script's console output goes to --console-output, as in k6.
		switch {
		case e.Source == "stacktrace" && e.Stack != "":
			// As k6 logs an exception: the JS stack, then where it ran.
			log.log(e.Level, fileURLs(strings.TrimRight(e.Stack, "\n"))+"\n", field{"executor", e.Executor}, field{"hint", "script exception"},
				field{"scenario", e.Scenario}, field{"source", "stacktrace"})
		case e.Source == "console" && console == log:
			console.log(e.Level, e.Message, field{"source", "console"})
		case e.Source == "console":
			console.log(e.Level, e.Message) // a file of its own: no source field
		case e.Source != "":
			log.log(e.Level, e.Message, field{"source", e.Source})
		default:
			log.log(e.Level, e.Message) // the run's own lines, as k6's have no source
		}
	}))
	run := wstest.Start(context.Background(), p.script, opts...)
	stopSignals := c.watchSignals(run, log)
	out := "-"
	if len(p.outs.descs) > 0 {
		out = strings.Join(p.outs.descs, ", ")
	}
	var prog *progress
	waitHeader := func() {}
	if f.quiet {
		waitHeader = logHeader(run, log, p.script.Name, out)
	} else {
		prog = startProgress(run, c.stdout, c.stdoutWidth, c.stdoutTTY && !f.noColor, p.script.Name, out)
		for _, l := range []*logger{log, console} {
			if l.tty && prog.tty {
				l.bars.Store(prog)
			}
		}
	}
	res, err := run.Wait()
	waitHeader()
	prog.stop()
	stopSignals()
	if f.linger && c.signals != nil && !errors.Is(err, wstest.ErrInterrupted) {
		fmt.Fprintln(c.stdout, "The test is done, but --linger was enabled, so k6 is waiting for Ctrl+C to continue...")
		<-c.signals
	}
	summarized := false
	if res.Summary() != "" { // the run got as far as its end
		p.started = true
		summarized = p.report(c, f, res, log)
	}
	prog.final(summarized)
	p.cleanup() // outputs written before the end messages
	endMessages(res, err, p.script.Name, log)
	return wstest.ExitCode(res, err)
}

// report prints the summary (or handleSummary's stdout and stderr) and
// writes the summary export. It reports whether a summary was printed.
func (p *runPlan) report(c *cli, f *runFlags, res *wstest.Result, log *logger) (printed bool) {
	if out, ok := res.SummaryOutputs["stdout"]; ok {
		_, _ = c.stdout.Write(out)
	} else if f.summaryMode.v != "disabled" {
		text := res.SummaryMode(f.summaryMode.v)
		if c.stdoutTTY && !f.noColor {
			text = colorSummary(text)
		}
		fmt.Fprint(c.stdout, text)
		printed = true
	}
	if out, ok := res.SummaryOutputs["stderr"]; ok {
		_, _ = c.stderr.Write(out)
	}
	if f.summaryExport != "" {
		if err := os.WriteFile(f.summaryExport, res.SummaryExport(), 0o644); err != nil {
			log.errorf("failed to write the summary export: %s", err)
		}
	}
	return printed
}

// endMessages logs how the run ended, as k6 does after the summary.
func endMessages(res *wstest.Result, err error, script string, log *logger) {
	var se *wstest.ScriptError
	switch {
	case errors.As(err, &se):
		if msg, extra := scriptErrorLine(se, script); extra {
			log.log("error", msg, field{"hint", "script exception"}, field{"source", "stacktrace"})
		} else {
			log.log("error", msg)
		}
		return
	case errors.Is(err, wstest.ErrAborted):
		log.errorf("%s", fileURLs(err.Error()))
		return
	case err != nil:
		log.errorf("%s", err)
		return
	}
	if crossed := crossedMetrics(res); len(crossed) > 0 {
		if res.Aborted {
			log.errorf("thresholds on metrics '%s' were crossed; at least one has abortOnFail enabled, stopping test prematurely", strings.Join(crossed, ", "))
		} else {
			log.errorf("thresholds on metrics '%s' have been crossed", strings.Join(crossed, ", "))
		}
	}
	if res.MarkedFailed {
		log.errorf("test run was marked as failed")
	}
	if res.Iterations == 0 {
		log.warnf("No script iterations fully finished, consider making the test duration longer")
	}
}

// crossedMetrics names the metrics with a failed threshold, sorted.
func crossedMetrics(res *wstest.Result) []string {
	seen := map[string]bool{}
	var names []string
	for _, t := range res.Thresholds {
		if !t.OK && !seen[t.Metric] {
			seen[t.Metric] = true
			names = append(names, t.Metric)
		}
	}
	sort.Strings(names)
	return names
}

// watchSignals interrupts the run on a first SIGINT/SIGTERM (teardown,
// summary and outputs still happen) and exits at once on a second.
func (c *cli) watchSignals(run *wstest.LiveRun, log *logger) (stop func()) {
	if c.signals == nil {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		interrupted := false
		for {
			select {
			case <-done:
				return
			case sig := <-c.signals:
				if !interrupted {
					interrupted = true
					run.Interrupt(sig.String())
					continue
				}
				log.log("error", "Aborting k6 in response to signal", field{"sig", sig.String()})
				c.exit(exitExternalAbort)
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

// runHelp is `wstest run --help`, on stdout.
func runHelp(fs *pflag.FlagSet) string {
	return `Start a test: the k6 run command line for one machine.

Runs a k6-style script (.js ES module or CommonJS, or .ts; - reads it from
stdin) with the embedded fixture server started, its URLs in
__ENV.WSTEST_URL and __ENV.WSTEST_WSS_URL. Options come from the command
line, then K6_* environment variables, then the script's options, then the
--config file.

Usage:
  wstest run [flags] [file]

Flags:
` + fs.FlagUsages() + `
Exit codes: 0 ok, 99 thresholds crossed, 100 setup timeout, 101 teardown
timeout, 104 invalid configuration, 105 stopped by a signal, 107 script
exception, 108 test.abort(), 110 test.fail(), 255 command-line error.
`
}
