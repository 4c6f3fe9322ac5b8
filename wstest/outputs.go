package wstest

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// output is a sample output: flushed periodically while the run lasts
// (a killed process keeps what was flushed, as with k6) and closed at its end.
type output interface {
	Flush() error
	Close() error
}

// timedOutput is an output and how often it is flushed.
type timedOutput struct {
	output
	every time.Duration
}

// flushOutputs flushes each output at its own interval until stopped.
func (r *runner) flushOutputs() (stop func()) {
	stops := make([]func(), 0, len(r.outputs))
	for _, o := range r.outputs {
		stops = append(stops, every(o.every, func(time.Time) {
			_ = o.Flush() // the error comes back from Close
		}))
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// CSVOptions are the settings of a CSV output, as k6's --out csv takes
// them (timeFormat, saveInterval).
type CSVOptions struct {
	// TimeFormat is how timestamps are written: unix (the default for ""),
	// unix_milli, unix_micro, unix_nano, rfc3339 or rfc3339_nano.
	TimeFormat string
	// SaveInterval is how often the rows reach the writer (1 s when 0).
	SaveInterval time.Duration
}

// csvSpec is one WithCSVOutput.
type csvSpec struct {
	w io.Writer
	CSVOptions
}

// WithJSONOutput writes every sample to w in k6's NDJSON format (--out
// json). It may be given several times; w is flushed, not closed, at the
// end of the run.
func WithJSONOutput(w io.Writer) Option {
	return func(c *config) { c.jsonOut = append(c.jsonOut, w) }
}

// WithCSVOutput writes every sample to w in k6's --out csv format: a
// column per system tag, timestamps as o.TimeFormat says, rows flushed
// every o.SaveInterval. An unknown TimeFormat or a negative SaveInterval
// makes the run fail with a *ConfigError. w is flushed, not closed, at
// the end of the run.
func WithCSVOutput(w io.Writer, o CSVOptions) Option {
	return func(c *config) { c.csvOut = append(c.csvOut, csvSpec{w: w, CSVOptions: o}) }
}

// startJSONOutputs adds the JSON outputs; samples start after init.
func (r *runner) startJSONOutputs() {
	for _, w := range r.cfg.jsonOut {
		o := metrics.NewJSONOutput(w)
		r.jsonOuts = append(r.jsonOuts, o)
		r.outputs = append(r.outputs, timedOutput{o, time.Second})
		r.registry.AddOutput(o)
	}
}

// startCSVOutputs adds the CSV outputs once the system tags are known.
func (r *runner) startCSVOutputs() error {
	var tags []string
	for t, on := range r.settings.SystemTags {
		if on {
			tags = append(tags, t)
		}
	}
	sort.Strings(tags)
	for _, spec := range r.cfg.csvOut {
		o, err := metrics.NewCSVOutput(spec.w, tags, spec.TimeFormat)
		if err != nil {
			return err
		}
		interval := spec.SaveInterval
		switch {
		case interval < 0:
			return fmt.Errorf("csv output: saveInterval must not be negative, got %s", interval)
		case interval == 0:
			interval = time.Second
		}
		r.outputs = append(r.outputs, timedOutput{o, interval})
		r.registry.AddOutput(o)
	}
	return nil
}
