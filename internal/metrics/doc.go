// Package metrics is the k6-compatible metrics engine of wstest: typed
// metrics with interned tag sets, exact aggregates, submetrics and the
// JSON outputs. Thresholds (package thresholds) and the end-of-test
// summary (package summary) are built on it.
//
// Use NewRegistry to hold a run's metrics and Registry.Register (or
// RegisterBuiltins) to declare them.
//
// Use Metric.Add to record a sample from any goroutine, and Metric.Stat or
// Metric.Sub(...).Stat to read k6 aggregates such as "count", "rate",
// "avg", "med" and "p(95)"; ParseStat and Metric.Aggregate do the same
// with the name parsed once. ValidateTrendStats checks summaryTrendStats.
//
// Use NewJSONOutput with Registry.AddOutput for k6's --out json format, and
// CountingConn with ByteCounter for data_sent and data_received.
package metrics
