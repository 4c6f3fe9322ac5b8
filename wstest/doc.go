// Package wstest runs k6-style JavaScript WebSocket scripts from Go: inside
// go test, a Ginkgo suite or the wstest command.
//
// Use RunFile or Run to run a script to its end and get a Result: every
// WebSocket event each socket saw, every k6 metric with its samples and
// aggregates, checks, thresholds, console output and iteration errors.
// Use Test to do the same from a test, with console output sent to t.Log and
// the test failed on script errors and failed thresholds. Use Start for a
// live run whose events and metrics can be polled while it goes on.
//
// Scripts are the ones k6 runs: the browser-like WebSocket API of
// k6/websockets on a per-VU event loop, timers, check, group, custom metrics
// and thresholds. A script that passes here runs unchanged under k6.
//
// See the package examples and the matchers package for assertions.
package wstest
