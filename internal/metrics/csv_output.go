package metrics

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// CSVTimeFormats are the timeFormat values of k6's --out csv.
func CSVTimeFormats() []string {
	return []string{"unix", "unix_milli", "unix_micro", "unix_nano", "rfc3339", "rfc3339_nano"}
}

// CSVOutput writes k6's --out csv format: a header, then one row per
// sample with a column per indexable system tag, the other tags in
// extra_tags and the sample's metadata (vu, iter) in metadata. It is buffered and safe for
// concurrent use; Close flushes it.
type CSVOutput struct {
	columns    []string
	timeFormat string

	mu  sync.Mutex // guards everything below
	buf *bufio.Writer
	w   *csv.Writer
	row []string
	err error
}

var _ Output = (*CSVOutput)(nil)

// NewCSVOutput writes to w with a column for each of systemTags (vu and
// iter excepted: they go to metadata), in name order. timeFormat is one
// of CSVTimeFormats; "" means unix.
func NewCSVOutput(w io.Writer, systemTags []string, timeFormat string) (*CSVOutput, error) {
	if timeFormat == "" {
		timeFormat = "unix"
	}
	if !slices.Contains(CSVTimeFormats(), timeFormat) {
		return nil, fmt.Errorf("unknown value %q for timeFormat, use one of %s", timeFormat, strings.Join(CSVTimeFormats(), ", "))
	}
	var columns []string
	for _, t := range systemTags {
		if t != "vu" && t != "iter" && !slices.Contains(columns, t) {
			columns = append(columns, t)
		}
	}
	slices.Sort(columns)
	buf := bufio.NewWriterSize(w, 64<<10)
	o := &CSVOutput{columns: columns, timeFormat: timeFormat, buf: buf, w: csv.NewWriter(buf)}
	header := append([]string{"metric_name", "timestamp", "metric_value"}, columns...)
	o.err = o.w.Write(append(header, "extra_tags", "metadata"))
	return o, nil
}

// AddSample writes one row: md goes to the metadata column, as
// key=value pairs joined by &.
func (o *CSVOutput) AddSample(m *Metric, t time.Time, v float64, tags *TagSet, md Metadata) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return
	}
	row := append(o.row[:0], m.Name, o.timestamp(t), strconv.FormatFloat(v, 'f', 6, 64))
	var extra, meta []string
	values := map[string]string{}
	if tags != nil {
		tags.Each(func(k, val string) {
			switch {
			case slices.Contains(o.columns, k):
				values[k] = val
			default:
				extra = append(extra, k+"="+val)
			}
		})
	}
	for _, c := range o.columns {
		row = append(row, values[c])
	}
	for _, e := range md {
		meta = append(meta, e.Key+"="+e.Value)
	}
	row = append(row, strings.Join(extra, "&"), strings.Join(meta, "&"))
	o.row = row
	o.err = o.w.Write(row)
}

func (o *CSVOutput) timestamp(t time.Time) string {
	switch o.timeFormat {
	case "unix_milli":
		return strconv.FormatInt(t.UnixMilli(), 10)
	case "unix_micro":
		return strconv.FormatInt(t.UnixMicro(), 10)
	case "unix_nano":
		return strconv.FormatInt(t.UnixNano(), 10)
	case "rfc3339":
		return t.Format(time.RFC3339)
	case "rfc3339_nano":
		return t.Format(time.RFC3339Nano)
	}
	return strconv.FormatInt(t.Unix(), 10)
}

// Flush writes buffered rows out.
func (o *CSVOutput) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return o.err
	}
	o.w.Flush()
	if o.err = o.w.Error(); o.err == nil {
		o.err = o.buf.Flush()
	}
	return o.err
}

// Close flushes and returns the first error met while writing; it does
// not close the writer given to NewCSVOutput.
func (o *CSVOutput) Close() error { return o.Flush() }
