package summary

import (
	"math"
	"strconv"
	"strings"

	"github.com/wsk6/wstest/internal/metrics"
)

// toFixed formats v with d decimals as JavaScript's Number.prototype.toFixed
// does: rounding the exact binary value, ties away from zero.
func toFixed(v float64, d int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	neg := v < 0
	a := math.Abs(v)
	if a >= 1e21 {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	exact := strconv.FormatFloat(a, 'f', 1100, 64) // every float64 is exact here
	intPart, frac, _ := strings.Cut(exact, ".")
	digits := []byte(intPart + frac[:d])
	if frac[d] >= '5' {
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	ip := string(digits[:len(digits)-d])
	out := ip
	if d > 0 {
		out += "." + string(digits[len(digits)-d:])
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

// trimZeros removes trailing fractional zeros and a bare point.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// formatPlain prints a plain number: toFixed(6) without trailing zeros.
func formatPlain(v float64) string { return trimZeros(toFixed(v, 6)) }

// jsNumber prints v as JavaScript's String(v) does for ordinary values.
func jsNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e21 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// decimals2 renders whole.frac where frac is hundredths, trimming zeros.
func decimals2(whole, hundredths int64) string {
	s := strconv.FormatInt(whole, 10)
	switch {
	case hundredths == 0:
		return s
	case hundredths%10 == 0:
		return s + "." + strconv.FormatInt(hundredths/10, 10)
	case hundredths < 10:
		return s + ".0" + strconv.FormatInt(hundredths, 10)
	}
	return s + "." + strconv.FormatInt(hundredths, 10)
}

// FormatDuration prints a time value given in milliseconds the way the k6
// summary does. With unit "s", "ms" or "us" the value is converted and
// printed with two decimals; otherwise the unit is picked by size and the
// value truncated: 0s, 850ns, 12.25µs, 148.21ms, 1.5s, 1m1s, 1h2m3s.
func FormatDuration(ms float64, unit string) string {
	switch unit {
	case "s":
		return toFixed(ms/1000, 2) + "s"
	case "ms":
		return toFixed(ms, 2) + "ms"
	case "us":
		return toFixed(ms*1000, 2) + "µs"
	}
	if ms == 0 || math.IsNaN(ms) {
		return "0s"
	}
	sign := ""
	if ms < 0 {
		sign = "-"
		ms = -ms
	}
	// Truncate to whole nanoseconds, forgiving the float noise of ms*1e6
	// (148.21ms must not become 148.20ms).
	x := ms * 1e6
	nsf := math.Floor(x)
	if r := math.Round(x); math.Abs(x-r) <= 1e-9*math.Max(1, x) {
		nsf = r
	}
	if nsf > math.MaxInt64/2 {
		nsf = math.MaxInt64 / 2
	}
	ns := int64(nsf)
	const (
		us  = int64(1e3)
		msN = int64(1e6)
		sec = int64(1e9)
		min = 60 * sec
		hr  = 60 * min
	)
	switch {
	case ns < us:
		return sign + strconv.FormatInt(ns, 10) + "ns"
	case ns < msN:
		return sign + decimals2(ns/us, ns%us/10) + "µs"
	case ns < sec:
		return sign + decimals2(ns/msN, ns%msN/(msN/100)) + "ms"
	case ns < min:
		return sign + decimals2(ns/sec, ns%sec/(sec/100)) + "s"
	}
	h, m, s := ns/hr, ns%hr/min, ns%min/sec
	if h > 0 {
		return sign + strconv.FormatInt(h, 10) + "h" + strconv.FormatInt(m, 10) + "m" + strconv.FormatInt(s, 10) + "s"
	}
	return sign + strconv.FormatInt(m, 10) + "m" + strconv.FormatInt(s, 10) + "s"
}

// FormatBytes prints a size in bytes in base 1000: "7 B", "1.2 kB", "123 kB".
func FormatBytes(b float64) string {
	byteUnits := [...]string{"B", "kB", "MB", "GB", "TB", "PB", "EB"}
	if b < 10 {
		return jsNumber(b) + " B"
	}
	e := 0
	for e < len(byteUnits)-1 && b >= math.Pow(1000, float64(e+1)) {
		e++
	}
	val := b / math.Pow(1000, float64(e))
	if val < 9.95 {
		return toFixed(val, 1) + " " + byteUnits[e]
	}
	return toFixed(val, 0) + " " + byteUnits[e]
}

// FormatPercent prints trues out of total as a percentage truncated to two
// decimals, e.g. "99.99%"; no samples print "0.00%".
func FormatPercent(trues, total int) string {
	if total <= 0 {
		return "0.00%"
	}
	p := int64(trues) * 10000 / int64(total)
	return strconv.FormatInt(p/100, 10) + "." + pad2(p%100) + "%"
}

// FormatRate prints a rate (0..1) as a truncated percentage: "50.00%".
func FormatRate(rate float64) string { return formatRateValue(rate) }

// formatRateValue prints a rate (0..1) as a truncated percentage.
func formatRateValue(rate float64) string {
	x := rate * 10000
	if r := math.Round(x); math.Abs(x-r) < 1e-6 {
		x = r
	}
	p := int64(math.Floor(x))
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return sign + strconv.FormatInt(p/100, 10) + "." + pad2(p%100) + "%"
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// FormatValue prints a value of a metric containing vt: durations for
// Time, sizes for Data, plain numbers otherwise.
func FormatValue(v float64, vt metrics.ValueType, timeUnit string) string {
	switch vt {
	case metrics.Time:
		return FormatDuration(v, timeUnit)
	case metrics.Data:
		return FormatBytes(v)
	}
	return formatPlain(v)
}
