package wstest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// pausedScript logs from setup, each iteration and teardown.
const pausedScript = `export const options = { iterations: 2 };
export function setup() { console.log("setup ran") }
export default function () { console.log("iteration ran") }
export function teardown() { console.log("teardown ran") }`

// startPaused starts pausedScript paused (opts say how) and waits until
// the run holds before setup().
func startPaused(t *testing.T, g Gomega, opts ...wstest.Option) *wstest.LiveRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	run := wstest.Start(ctx, script(pausedScript), opts...)
	t.Cleanup(func() { cancel(); _, _ = run.Wait() })
	g.Eventually(func() string { return run.Progress().Stage }, 10*time.Second, 5*time.Millisecond).Should(Equal("paused"))
	g.Expect(run.Finished()).To(BeFalse())
	g.Expect(run.Logs()).To(BeEmpty(), "nothing ran while paused")
	return run
}

func TestPausedRunWaitsForResume(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts []wstest.Option
	}{
		{"option text", []wstest.Option{wstest.WithOptionText("paused", "true")}},
		{"K6_PAUSED", []wstest.Option{wstest.WithK6Environment(func(k string) (string, bool) {
			return map[string]string{"K6_PAUSED": "true"}[k], k == "K6_PAUSED"
		})}},
		{"config file", []wstest.Option{wstest.WithConfigJSON([]byte(`{"paused": true}`))}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			run := startPaused(t, g, tt.opts...)
			run.Resume()
			run.Resume() // a second call does nothing
			res, err := run.Wait()
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(messages(res)).To(Equal([]string{"setup ran", "iteration ran", "iteration ran", "teardown ran"}))
			g.Expect(res.Iterations).To(BeEquivalentTo(2))
		})
	}
}

func TestPausedRunInterruptedSkipsSetupAndTeardown(t *testing.T) {
	g := NewWithT(t)
	run := startPaused(t, g, wstest.WithOptionText("paused", "true"))
	run.Interrupt("interrupt")
	res, err := run.Wait()
	var ie *wstest.InterruptError
	g.Expect(errors.As(err, &ie)).To(BeTrue(), "%v", err)
	g.Expect(wstest.ExitCode(res, err)).To(Equal(wstest.ExitExternalAbort))
	g.Expect(messages(res)).To(BeEmpty(), "as in k6, neither setup nor teardown runs")
	g.Expect(res.Iterations).To(BeZero())
	g.Expect(res.Summary()).To(ContainSubstring("TOTAL RESULTS"))
}

func TestPausedFalseAndResumeOfARunningRunChangeNothing(t *testing.T) {
	g := NewWithT(t)
	run := wstest.Start(context.Background(), script(pausedScript), wstest.WithOptionText("paused", "false"))
	run.Resume()
	res, err := run.Wait()
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(messages(res)).To(HaveLen(4))
}
