// Command wstest runs k6-style WebSocket scripts as `k6 run` does on one
// machine (wstest run), serves the fixture server (wstest serve) and
// prints its version (wstest version).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	c := &cli{
		stdin:   os.Stdin,
		stdout:  &syncWriter{w: os.Stdout},
		stderr:  &syncWriter{w: os.Stderr},
		getenv:  os.LookupEnv,
		signals: sigs,
		exit:    os.Exit,
		now:     time.Now,
		// k6 draws its progress on stdout and logs on stderr, and
		// decides colour and redrawing for each stream on its own.
		stdoutTTY: isTerminal(os.Stdout),
		stderrTTY: isTerminal(os.Stderr),
	}
	if c.stdoutTTY {
		c.stdoutWidth = terminalWidth(os.Stdout)
	}
	os.Exit(c.main(os.Args[1:]))
}

// cli is what a command sees of its process: streams, environment,
// signals. Tests make one around buffers.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer // safe for concurrent use
	getenv         func(string) (string, bool)
	signals        <-chan os.Signal // nil: no signal handling
	exit           func(code int)   // a second signal exits at once through it
	now            func() time.Time
	stdoutTTY      bool       // progress redrawn in place, header and summary in colour
	stdoutWidth    func() int // the terminal's width, read at each redraw; nil off a terminal
	stderrTTY      bool       // log lines in logrus's short coloured form
}

const usage = `wstest runs k6-style JavaScript WebSocket test scripts.

Usage:
  wstest [command]

Available Commands:
  inspect     Print a script's resolved options as JSON
  run         Start a test (k6 run for one machine)
  serve       Serve the fixture routes until interrupted
  version     Show the application version and exit

Flags:
  -h, --help      help for wstest
      --version   version for wstest

Use "wstest [command] --help" for more information about a command.
`

// main dispatches a subcommand and returns the process exit code.
func (c *cli) main(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stdout, usage)
		return 0
	}
	switch args[0] {
	case "run":
		return c.runCommand(args[1:])
	case "serve":
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-c.signals:
				cancel()
			case <-ctx.Done():
			}
		}()
		return serveCommand(ctx, args[1:], c.stdout, c.stderr)
	case "version":
		return c.versionCommand(args[1:])
	case "inspect":
		return c.inspectCommand(args[1:])
	case "--version":
		fmt.Fprintln(c.stdout, versionLine())
		return 0
	case "-h", "--help", "help":
		fmt.Fprint(c.stdout, usage)
		return 0
	default:
		(&logger{w: c.stderr, now: c.now}).errorf("unknown command %q for %q", args[0], "wstest")
		return exitUsage
	}
}
