package metrics

import "fmt"

// Type is a k6 metric type.
type Type int

// The k6 metric types.
const (
	Counter Type = iota + 1
	Gauge
	Rate
	Trend
)

// String returns k6's lowercase name of the type ("counter", "gauge", ...).
func (t Type) String() string {
	switch t {
	case Counter:
		return "counter"
	case Gauge:
		return "gauge"
	case Rate:
		return "rate"
	case Trend:
		return "trend"
	}
	return fmt.Sprintf("type(%d)", int(t))
}

// ValueType is what a metric's values are (k6 "contains").
type ValueType int

// Value types: plain numbers, times in milliseconds, data in bytes.
const (
	Default ValueType = iota
	Time
	Data
)

// String returns k6's name of the value type ("default", "time", "data").
func (v ValueType) String() string {
	switch v {
	case Default:
		return "default"
	case Time:
		return "time"
	case Data:
		return "data"
	}
	return fmt.Sprintf("valuetype(%d)", int(v))
}
