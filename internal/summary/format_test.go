package summary_test

import (
	"testing"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/summary"
)

func TestFormatDuration(t *testing.T) {
	cases := []struct {
		ms   float64
		unit string
		want string
	}{
		{0, "", "0s"},
		{0.0000004, "", "0ns"},
		{0.000001, "", "1ns"},
		{0.000999, "", "999ns"},
		{0.0009999, "", "999ns"}, // 999.9ns truncates
		{0.001, "", "1µs"},
		{0.007, "", "7µs"},
		{0.01225, "", "12.25µs"},
		{0.1234567, "", "123.45µs"}, // truncated, not rounded
		{0.3188, "", "318.8µs"},
		{0.999999, "", "999.99µs"},
		{1, "", "1ms"},
		{1.3, "", "1.3ms"},
		{148.21, "", "148.21ms"},
		{148.219, "", "148.21ms"},
		{999.999, "", "999.99ms"},
		{1000, "", "1s"},
		{1500, "", "1.5s"},
		{12910, "", "12.91s"},
		{59999, "", "59.99s"},
		{60000, "", "1m0s"},
		{61000, "", "1m1s"},
		{61999, "", "1m1s"},
		{3599000, "", "59m59s"},
		{3600000, "", "1h0m0s"},
		{3723000, "", "1h2m3s"},
		{90061000, "", "25h1m1s"},
		{-1.5, "", "-1.5ms"},
		{1234.5678, "s", "1.23s"},
		{1234.5678, "ms", "1234.57ms"},
		{1.2345, "us", "1234.50µs"},
		{0.125, "ms", "0.13ms"}, // JS toFixed: exact tie rounds up
		{0, "s", "0.00s"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := summary.FormatDuration(c.ms, c.unit); got != c.want {
				t.Errorf("FormatDuration(%v, %q) = %q, want %q", c.ms, c.unit, got, c.want)
			}
		})
	}
}

func TestFormatBytes(t *testing.T) {
	cases := []struct {
		b    float64
		want string
	}{
		{0, "0 B"},
		{7, "7 B"},
		{9.5, "9.5 B"},
		{10, "10 B"},
		{241, "241 B"},
		{718.4, "718 B"},
		{999, "999 B"},
		{1000, "1.0 kB"},
		{1234, "1.2 kB"},
		{1250, "1.3 kB"},
		{2049, "2.0 kB"},
		{9949, "9.9 kB"},
		{9950, "10 kB"},
		{9960, "10 kB"},
		{122500, "123 kB"},
		{81000, "81 kB"},
		{123456, "123 kB"},
		{519000, "519 kB"},
		{1300000, "1.3 MB"},
		{11e6, "11 MB"},
		{3.5e9, "3.5 GB"},
		{2e12, "2.0 TB"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := summary.FormatBytes(c.b); got != c.want {
				t.Errorf("FormatBytes(%v) = %q, want %q", c.b, got, c.want)
			}
		})
	}
}

func TestFormatPercent(t *testing.T) {
	cases := []struct {
		trues, total int
		want         string
	}{
		{0, 0, "0.00%"},
		{0, 45, "0.00%"},
		{90, 90, "100.00%"},
		{1, 2, "50.00%"},
		{29, 100, "29.00%"},
		{9999, 10000, "99.99%"},
		{99999, 100000, "99.99%"}, // 99.999 truncates
		{2, 3, "66.66%"},          // 66.666 truncates, does not round
		{1, 3, "33.33%"},
		{1, 100000, "0.00%"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := summary.FormatPercent(c.trues, c.total); got != c.want {
				t.Errorf("FormatPercent(%d, %d) = %q, want %q", c.trues, c.total, got, c.want)
			}
		})
	}
}

func TestFormatValue(t *testing.T) {
	cases := []struct {
		v    float64
		vt   metrics.ValueType
		want string
	}{
		{90, metrics.Default, "90"},
		{13.1221794, metrics.Default, "13.122179"},
		{152.3555555, metrics.Default, "152.355556"},
		{147.2, metrics.Default, "147.2"},
		{0.0000004, metrics.Default, "0"},
		{0.0000005, metrics.Default, "0"}, // binary value is below the tie
		{0.0000015, metrics.Default, "0.000002"},
		{1.0000005, metrics.Default, "1.000001"}, // binary value is above the tie
		{1.0000015, metrics.Default, "1.000001"}, // binary value is below the tie
		{-2.5, metrics.Default, "-2.5"},
		{1e21, metrics.Default, "1e+21"},
		{148.21, metrics.Time, "148.21ms"},
		{1234, metrics.Data, "1.2 kB"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := summary.FormatValue(c.v, c.vt, ""); got != c.want {
				t.Errorf("FormatValue(%v, %v) = %q, want %q", c.v, c.vt, got, c.want)
			}
		})
	}
}
