package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/wsk6/wstest/wstest"
)

// inspectCommand is `wstest inspect [flags] SCRIPT`: the script's options,
// merged with the config file, K6_* variables and the flags, as JSON.
func (c *cli) inspectCommand(args []string) int {
	var f runFlags
	fs := newRunFlagSet(&f)
	fs.Usage = func() {}
	log := &logger{w: c.stderr, now: c.now}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(c.stdout, "Inspect a script: print its options, merged with the config file, K6_* variables and flags, as JSON.\n\nUsage:\n  wstest inspect [flags] [file]\n\nFlags: those of wstest run.\n")
			return 0
		}
		log.errorf("%s", err)
		return exitUsage
	}
	if !oneScriptArg(fs, log) {
		return exitUsage
	}
	f.noFixtures = true
	plan, err := f.prepare(c, fs, log)
	defer plan.cleanup()
	if err != nil {
		return prepareFailed(err, log)
	}
	out, err := wstest.Inspect(context.Background(), plan.script, plan.opts...)
	if err != nil {
		log.errorf("%s", err)
		return wstest.ExitCode(nil, err)
	}
	fmt.Fprintln(c.stdout, string(out))
	return 0
}
