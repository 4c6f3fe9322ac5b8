// Package wstest runs k6-style JavaScript WebSocket scripts from Go: inside
// go test, a Ginkgo suite or the wstest command.
//
// Use RunFile or Run to run a script to its end and get a Result: every
// WebSocket event each socket saw, every k6 metric with its samples and
// aggregates, checks, thresholds, console output and iteration errors.
// Use Test to do the same from a test: the console lines and k6's
// end-of-test summary go to the test's log, and the test fails on script
// errors, failed thresholds (with the value they measured), failed checks
// and exceptions. Use TestFiles to run a folder of scripts as one subtest
// per file. Use Start for a live run whose events and metrics can be
// polled while it goes on, and StartTest for one that the test's cleanup
// stops and waits for.
//
// Use WithHandler to test your own http.Handler: the script dials a host
// name that the handler serves in memory.
//
// Scripts are the ones k6 runs: the browser-like WebSocket API of
// k6/websockets on a per-VU event loop, timers, check, group, custom metrics
// and thresholds. A script that passes here runs unchanged under k6.
//
// See the package examples and the matchers package for assertions.
package wstest
