package metrics_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
)

func TestCSVOutput(t *testing.T) {
	reg := metrics.NewRegistry()
	m, err := reg.Register("probe_count", metrics.Counter, metrics.Default)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	out, err := metrics.NewCSVOutput(&buf, []string{"url", "scenario", "vu", "iter"}, "")
	if err != nil {
		t.Fatal(err)
	}
	tags := reg.EmptyTags().With("scenario", "default").With("mytag", "x")
	md := metrics.IterationMetadata(map[string]bool{"vu": true, "iter": true}, 1, 0)
	out.AddSample(m, time.Unix(1796135222, 5), 1, tags, md)
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	want := "metric_name,timestamp,metric_value,scenario,url,extra_tags,metadata\n" +
		"probe_count,1796135222,1.000000,default,,mytag=x,vu=1&iter=0\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestCSVOutputTimeFormats(t *testing.T) {
	if _, err := metrics.NewCSVOutput(&bytes.Buffer{}, nil, "week"); err == nil {
		t.Error("no error for an unknown time format")
	}
	for _, f := range metrics.CSVTimeFormats() {
		if _, err := metrics.NewCSVOutput(&bytes.Buffer{}, nil, f); err != nil {
			t.Error(err)
		}
	}
}
