package wstest

import (
	"io"
	"sort"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

// output is a sample output: flushed every second while the run lasts
// (a killed process keeps what was flushed, as with k6) and closed at its end.
type output interface {
	Flush() error
	Close() error
}

// flushOutputs flushes the outputs every second until stopped.
func (r *runner) flushOutputs() (stop func()) {
	if len(r.outputs) == 0 {
		return func() {}
	}
	return every(time.Second, func(time.Time) {
		for _, o := range r.outputs {
			_ = o.Flush() // the error comes back from Close
		}
	})
}

// csvSpec is one WithCSVOutput.
type csvSpec struct {
	w          io.Writer
	timeFormat string
}

// WithJSONOutput writes every sample to w in k6's NDJSON format (--out
// json). It may be given several times; w is flushed, not closed, at the
// end of the run.
func WithJSONOutput(w io.Writer) Option {
	return func(c *config) { c.jsonOut = append(c.jsonOut, w) }
}

// WithCSVOutput writes every sample to w in k6's --out csv format: a
// column per system tag, timestamps in timeFormat (unix, unix_milli,
// unix_micro, unix_nano, rfc3339 or rfc3339_nano; "" is unix). An unknown
// timeFormat makes the run fail with a *ConfigError. w is flushed, not
// closed, at the end of the run.
func WithCSVOutput(w io.Writer, timeFormat string) Option {
	return func(c *config) { c.csvOut = append(c.csvOut, csvSpec{w: w, timeFormat: timeFormat}) }
}

// startJSONOutputs adds the JSON outputs; samples start after init.
func (r *runner) startJSONOutputs() {
	for _, w := range r.cfg.jsonOut {
		o := metrics.NewJSONOutput(w)
		r.jsonOuts = append(r.jsonOuts, o)
		r.outputs = append(r.outputs, o)
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
		o, err := metrics.NewCSVOutput(spec.w, tags, spec.timeFormat)
		if err != nil {
			return err
		}
		r.outputs = append(r.outputs, o)
		r.registry.AddOutput(o)
	}
	return nil
}
