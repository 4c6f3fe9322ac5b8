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
	if fs.NArg() != 1 {
		log.errorf(`accepts 1 arg(s), received %d: arg should either be "-", if reading script from stdin, or a path to a script file`, fs.NArg())
		return exitUsage
	}
	f.noFixtures = true
	plan, err := f.prepare(c, fs, log)
	defer plan.cleanup()
	if err != nil {
		log.errorf("%s", err)
		var usage usageError
		if errors.As(err, &usage) {
			return exitUsage
		}
		return wstest.ExitInvalidConfig
	}
	out, err := wstest.Inspect(context.Background(), plan.script, plan.opts...)
	if err != nil {
		log.errorf("%s", err)
		return wstest.ExitCode(nil, err)
	}
	fmt.Fprintln(c.stdout, string(out))
	return 0
}
