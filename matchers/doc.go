// Package matchers holds Gomega matchers over the outcome of a wstest run:
// its WebSocket events, k6 metrics, checks, thresholds, console output and
// iteration errors.
//
// Use HaveEvent, HaveReceived and HaveEventsInOrder to assert on what the
// sockets saw, narrowed with OnURL, ForVU, OnSocket, Where and Times.
//
// Use HaveMetric, HaveMetricStat and HaveSample to assert on metrics and
// their samples; a metric is named as in k6 thresholds, with an optional
// submetric selector: "ws_msgs_received{url:ws://127.0.0.1:8080/echo}".
//
// Use PassChecks, HaveCheck, PassThresholds, HaveLogged and HaveNoErrors
// for the rest of the run.
//
// Every matcher accepts a *wstest.Result and a *wstest.LiveRun. On a live
// run it looks at a snapshot, so it can be polled with Eventually; once the
// run has finished, MatchMayChangeInTheFuture returns false and Eventually
// stops at once. The event matchers also accept a []wstest.Event (such as
// LiveRun.Events returns) and HaveLogged a []wstest.LogEntry.
//
// A count (a counter's count, a trend's number of samples, passes, fails)
// is compared as a Go int, so HaveMetric("ws_sessions", Equal(4)) works;
// other aggregates are float64s.
//
// A wrong kind of actual value or a malformed argument makes Match return an
// error, which fails both Should and ShouldNot; for the actual value it is
// one line naming the types that work and the type given. Failure messages
// show what was expected and what the run had: the closest metric names,
// stats rounded with their unit (p(95) is 1.39ms), the failing checks and
// thresholds with the values they measured, the events seen (bounded).
//
// See the package examples.
package matchers
