package wstest

import "context"

// StartTest is Start for a test: it begins running script and returns at
// once, with the run tied to t. The script's console lines go to the test's
// log as for Test. At the test's cleanup (t.Cleanup, after the test
// function and its deferred calls) the run is stopped, by cancelling its
// context, and waited for; then its end-of-test summary is written to the
// log (a stopped run has none). So no run outlives the test that started it, even when the test
// fails before calling Wait.
//
// Wait for the run within the test to assert on how it ended; a run still
// going at the cleanup ends as cancelled, which is not a failure.
func StartTest(t TB, script Script, opts ...Option) *LiveRun {
	t.Helper()
	out := testOutput(t)
	ctx, cancel := context.WithCancel(testContext(t))
	opts = append([]Option{WithLogOutput(func(e LogEntry) { out.line(consoleLine(script.Name, e)) })}, opts...)
	run := Start(ctx, script, opts...)
	t.Cleanup(func() {
		if !run.Finished() {
			out.line(script.Name + ": stopping the run at the end of the test")
		}
		cancel()
		res, _ := run.Wait()
		out.summary(script.Name, res)
	})
	return run
}
