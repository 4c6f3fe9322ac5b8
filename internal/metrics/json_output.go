package metrics

import (
	"bufio"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// JSONOutput writes k6's --out json format: newline-delimited JSON with a
// {"type":"Metric",...} line the first time a metric is seen, then one
// {"metric":...,"type":"Point",...} line per sample (metric first, as k6). It is buffered and safe for
// concurrent use; Close flushes it.
type JSONOutput struct {
	// ThresholdSources, when set, gives the "thresholds" list of a
	// metric's Metric line (Thresholds.Sources fits).
	ThresholdSources func(metric string) []string

	mu     sync.Mutex // guards everything below
	w      *bufio.Writer
	closer io.Closer
	seen   map[*Metric]bool
	buf    []byte
	err    error
}

var _ Output = (*JSONOutput)(nil)

// NewJSONOutput writes to w; Close flushes but does not close w.
func NewJSONOutput(w io.Writer) *JSONOutput {
	return &JSONOutput{w: bufio.NewWriterSize(w, 64<<10), seen: map[*Metric]bool{}}
}

// CreateJSONOutput creates (or truncates) the file at path; Close closes it.
func CreateJSONOutput(path string) (*JSONOutput, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	o := NewJSONOutput(f)
	o.closer = f
	return o, nil
}

// AddSample writes the sample (and the metric's declaration the first
// time); md, when there is any, is the data's "metadata" object, keys in
// name order as k6 writes it.
func (o *JSONOutput) AddSample(m *Metric, t time.Time, v float64, tags *TagSet, md Metadata) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return
	}
	b := o.buf[:0]
	if !o.seen[m] {
		o.seen[m] = true
		b = append(b, `{"type":"Metric","data":{"name":`...)
		b = appendJSONString(b, m.Name)
		b = append(b, `,"type":"`...)
		b = append(b, m.Type.String()...)
		b = append(b, `","contains":"`...)
		b = append(b, m.Contains.String()...)
		b = append(b, `","thresholds":[`...)
		if o.ThresholdSources != nil {
			for i, s := range o.ThresholdSources(m.Name) {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, s)
			}
		}
		b = append(b, `],"submetrics":null},"metric":`...)
		b = appendJSONString(b, m.Name)
		b = append(b, "}\n"...)
	}
	// k6 writes Point lines with "metric" first.
	b = append(b, `{"metric":`...)
	b = appendJSONString(b, m.Name)
	b = append(b, `,"type":"Point","data":{"time":"`...)
	b = t.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","value":`...)
	b = appendJSONFloat(b, v)
	b = append(b, `,"tags":{`...)
	first := true
	if tags != nil {
		tags.Each(func(k, val string) {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendJSONString(b, k)
			b = append(b, ':')
			b = appendJSONString(b, val)
		})
	}
	b = append(b, '}')
	if len(md) > 0 {
		b = append(b, `,"metadata":{`...)
		sorted := slices.SortedFunc(slices.Values(md), func(a, b MetaEntry) int { return strings.Compare(a.Key, b.Key) })
		for i, e := range sorted {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, e.Key)
			b = append(b, ':')
			b = appendJSONString(b, e.Value)
		}
		b = append(b, '}')
	}
	b = append(b, "}}\n"...)
	o.buf = b
	_, o.err = o.w.Write(b)
}

// Flush writes buffered lines out.
func (o *JSONOutput) Flush() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return o.err
	}
	o.err = o.w.Flush()
	return o.err
}

// Close flushes, closes the file of CreateJSONOutput, and returns the
// first error met while writing.
func (o *JSONOutput) Close() error {
	err := o.Flush()
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closer != nil {
		if cerr := o.closer.Close(); err == nil {
			err = cerr
		}
		o.closer = nil
	}
	return err
}

// appendJSONFloat appends v as encoding/json would (null for NaN/Inf).
func appendJSONFloat(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, "null"...)
	}
	a := math.Abs(v)
	if a != 0 && (a < 1e-6 || a >= 1e21) {
		b = strconv.AppendFloat(b, v, 'e', -1, 64)
		// 1e-07 -> 1e-7, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string literal.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
