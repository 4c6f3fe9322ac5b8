package main

import (
	"flag"
	"fmt"
	"strings"
)

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// optionalInt64 remembers whether it was set.
type optionalInt64 struct {
	v   int64
	set bool
}

func (o *optionalInt64) String() string { return fmt.Sprint(o.v) }
func (o *optionalInt64) Set(s string) error {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		return fmt.Errorf("%q is not a whole number", s)
	}
	o.v, o.set = n, true
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments, as k6 allows (`wstest run script.js --vus 2`).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// keyValue splits KEY=VALUE.
func keyValue(flagName, s string) (string, string, error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return "", "", fmt.Errorf("--%s %q: use KEY=VALUE", flagName, s)
	}
	return k, v, nil
}
