package main

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	created []string // files that did not exist before open
}

// usageError is a command-line error: k6 exits 255 on it.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }

// configError is a bad configuration: k6 exits 104 on it.
type configError struct{ err error }

func (e configError) Error() string { return e.err.Error() }

// open opens every --out spec ("json", "json=FILE", "csv=-",
// "csv=fileName=F,timeFormat=unix_milli"); stdout is where "-" goes.
func (o *outputs) open(specs []string, csvCfg csvConfig, stdout io.Writer, getenv func(string) (string, bool)) error {
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
			file, csvOpts, err := csvArgs(arg, csvCfg, getenv)
			if err != nil {
				return err
			}
			w, desc, err := o.create(file, "file.csv", stdout)
			if err != nil {
				return err
			}
			o.descs = append(o.descs, "csv ("+desc+")")
			o.opts = append(o.opts, wstest.WithCSVOutput(w, csvOpts))
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
	_, statErr := os.Stat(name)
	// Opened now, so that a path that cannot be written is a config
	// error before the run; emptied only when the run writes to it, so
	// that a run that never starts leaves an existing file as it was.
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return nil, "", configError{err}
	}
	if errors.Is(statErr, fs.ErrNotExist) {
		o.created = append(o.created, name)
	}
	w := &truncatingFile{f: f}
	if !strings.HasSuffix(name, ".gz") {
		o.closers = append(o.closers, f.Close)
		return w, name, nil
	}
	gz := gzip.NewWriter(w)
	o.closers = append(o.closers, func() error {
		var err error
		if w.written { // else Close would write an empty stream's header
			err = gz.Close()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
	return gz, name, nil
}

// truncatingFile empties its file at the first write.
type truncatingFile struct {
	f       *os.File
	written bool
}

func (t *truncatingFile) Write(p []byte) (int, error) {
	if !t.written {
		t.written = true
		if err := t.f.Truncate(0); err != nil {
			return 0, err
		}
	}
	return t.f.Write(p)
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

// removeCreated removes the files open created, once they are closed.
func (o *outputs) removeCreated() {
	for _, name := range o.created {
		_ = os.Remove(name)
	}
	o.created = nil
}

// csvArgs reads the argument of csv: FILE, or fileName=F,saveInterval=D,
// timeFormat=T. As in k6, the argument wins over K6_CSV_FILENAME,
// K6_CSV_SAVE_INTERVAL and K6_CSV_TIME_FORMAT, which win over the config
// file's collectors.csv.
func csvArgs(arg string, cfg csvConfig, getenv func(string) (string, bool)) (file string, o wstest.CSVOptions, err error) {
	settings := map[string]string{"fileName": cfg.FileName, "timeFormat": cfg.TimeFormat, "saveInterval": cfg.SaveInterval.text}
	for key, env := range map[string]string{"fileName": "K6_CSV_FILENAME", "timeFormat": "K6_CSV_TIME_FORMAT", "saveInterval": "K6_CSV_SAVE_INTERVAL"} {
		if v, ok := getenv(env); ok {
			settings[key] = v
		}
	}
	switch {
	case arg != "" && !strings.Contains(arg, "="):
		settings["fileName"] = arg
	case arg != "":
		for _, kv := range strings.Split(arg, ",") {
			k, v, _ := strings.Cut(kv, "=")
			if v == "" {
				return "", o, usageError{fmt.Errorf("couldn't parse the csv output argument %q: empty value for %s", arg, k)}
			}
			if _, known := settings[k]; !known {
				return "", o, usageError{fmt.Errorf("couldn't parse the csv output argument %q: unknown key %q", arg, k)}
			}
			settings[k] = v
		}
	}
	o.TimeFormat = settings["timeFormat"]
	if text := settings["saveInterval"]; text != "" {
		d, err := wstest.ParseDuration(text)
		if err != nil || d <= 0 {
			if err == nil {
				err = fmt.Errorf("it must be positive")
			}
			return "", o, usageError{fmt.Errorf("invalid csv saveInterval %q: %w", text, err)}
		}
		o.SaveInterval = d
	}
	return settings["fileName"], o, nil
}

// csvConfig is the config file's collectors.csv.
type csvConfig struct {
	FileName     string       `json:"file_name"`
	SaveInterval durationText `json:"save_interval"`
	TimeFormat   string       `json:"time_format"`
}

// durationText is a duration in a JSON config: a string ("2s") or a
// number of milliseconds, kept as text for wstest.ParseDuration.
type durationText struct{ text string }

// UnmarshalJSON takes "2s" or 2000.
func (d *durationText) UnmarshalJSON(raw []byte) error {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		d.text = s
		return nil
	}
	var ms json.Number
	if err := json.Unmarshal(raw, &ms); err != nil {
		return fmt.Errorf("a duration is a string such as \"2s\" or a number of milliseconds, not %s", raw)
	}
	d.text = ms.String() + "ms"
	return nil
}
