package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wsk6/wstest/wstest"
)

// outputs are the --out outputs of a run: the options that feed them, the
// descriptions of the header's output line, and what to close at the end.
type outputs struct {
	opts    []wstest.Option
	descs   []string
	closers []func() error
}

// usageError is a command-line error: k6 exits 255 on it.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// configError is a bad configuration: k6 exits 104 on it.
type configError struct{ err error }

func (e configError) Error() string { return e.err.Error() }

// open opens every --out spec ("json", "json=FILE", "csv=-",
// "csv=fileName=F,timeFormat=unix_milli"); stdout is where "-" goes.
func (o *outputs) open(specs []string, stdout io.Writer, getenv func(string) (string, bool)) error {
	for _, spec := range specs {
		kind, arg, _ := strings.Cut(spec, "=")
		switch kind {
		case "json":
			w, desc, err := o.create(arg, "", stdout)
			if err != nil {
				return err
			}
			if desc == "stdout" {
				o.descs = append(o.descs, "json(stdout)")
			} else {
				o.descs = append(o.descs, "json ("+desc+")")
			}
			o.opts = append(o.opts, wstest.WithJSONOutput(w))
		case "csv":
			file, timeFormat, err := csvArgs(arg, getenv)
			if err != nil {
				return err
			}
			w, desc, err := o.create(file, "file.csv", stdout)
			if err != nil {
				return err
			}
			o.descs = append(o.descs, "csv ("+desc+")")
			o.opts = append(o.opts, wstest.WithCSVOutput(w, timeFormat))
		default:
			return usageError{fmt.Errorf("invalid output type '%s', available types are: csv, json", kind)}
		}
	}
	return nil
}

// create opens name ("" is def, or stdout when def is ""; "-" is stdout),
// gzip-compressed when it ends in .gz.
func (o *outputs) create(name, def string, stdout io.Writer) (io.Writer, string, error) {
	if name == "" {
		name = def
	}
	if name == "" || name == "-" {
		return stdout, "stdout", nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, "", configError{err}
	}
	if !strings.HasSuffix(name, ".gz") {
		o.closers = append(o.closers, f.Close)
		return f, name, nil
	}
	gz := gzip.NewWriter(f)
	o.closers = append(o.closers, func() error {
		err := gz.Close()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
	return gz, name, nil
}

// close closes the files, in reverse order, and returns the first error.
func (o *outputs) close() error {
	var first error
	for i := len(o.closers) - 1; i >= 0; i-- {
		if err := o.closers[i](); err != nil && first == nil {
			first = err
		}
	}
	o.closers = nil
	return first
}

// csvArgs reads the argument of csv: FILE, or fileName=F,saveInterval=D,
// timeFormat=T, over K6_CSV_FILENAME / K6_CSV_TIME_FORMAT.
func csvArgs(arg string, getenv func(string) (string, bool)) (file, timeFormat string, err error) {
	file, _ = getenv("K6_CSV_FILENAME")
	timeFormat, _ = getenv("K6_CSV_TIME_FORMAT")
	if !strings.Contains(arg, "=") {
		if arg != "" {
			file = arg
		}
		return file, timeFormat, nil
	}
	for _, kv := range strings.Split(arg, ",") {
		k, v, _ := strings.Cut(kv, "=")
		if v == "" {
			return "", "", usageError{fmt.Errorf("couldn't parse the csv output argument %q: empty value for %s", arg, k)}
		}
		switch k {
		case "fileName":
			file = v
		case "timeFormat":
			timeFormat = v
		case "saveInterval":
			if _, err := wstest.ParseDuration(v); err != nil {
				return "", "", usageError{fmt.Errorf("couldn't parse the csv output argument %q: %w", arg, err)}
			}
		default:
			return "", "", usageError{fmt.Errorf("couldn't parse the csv output argument %q: unknown key %q", arg, k)}
		}
	}
	return file, timeFormat, nil
}
