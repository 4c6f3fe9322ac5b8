// Package metrics is the k6-compatible metrics engine of wstest: typed
// metrics with interned tag sets, exact aggregates, thresholds, the
// end-of-test summary and the JSON outputs.
//
// Use NewRegistry to hold a run's metrics and Registry.Register (or
// RegisterBuiltins) to declare them.
//
// Use Metric.Add to record a sample from any goroutine, and Metric.Stat or
// Metric.Sub(...).Stat to read k6 aggregates such as "count", "rate",
// "avg", "med" and "p(95)".
//
// Use ParseThresholds to read options.thresholds and Thresholds.Evaluate to
// run them against the registry.
//
// Use SummaryData, SummaryText and SummaryExport to build what
// handleSummary receives, the text printed at the end of a test and the
// --summary-export file.
//
// Use NewJSONOutput with Registry.AddOutput for k6's --out json format, and
// CountingConn with ByteCounter for data_sent and data_received.
package metrics
