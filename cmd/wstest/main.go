// Command wstest runs k6-style WebSocket scripts (wstest run) and serves the
// fixture server (wstest serve).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/wsk6/wstest/wstest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage:
  wstest run [flags] SCRIPT   run a k6-style script (wstest run -h for flags)
  wstest serve [--addr ADDR]  serve the fixture routes until interrupted
`

// run dispatches a subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return wstest.ExitInvalidConfig
	}
	switch args[0] {
	case "run":
		return runCommand(ctx, args[1:], stdout, stderr)
	case "serve":
		return serveCommand(ctx, args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "wstest: unknown command %q\n%s", args[0], usage)
		return wstest.ExitInvalidConfig
	}
}
