// Package summary builds what a run leaves at its end, in k6's formats,
// from a metrics registry and the thresholds' results: the end-of-test
// text (Text, in compact, full or disabled mode), the --summary-export
// document (Export, ExportJSON) and the data handleSummary receives
// (Data), with k6's number, duration, size and percentage formatting
// (FormatValue and friends).
package summary
