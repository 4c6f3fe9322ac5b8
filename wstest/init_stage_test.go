package wstest_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// As in k6, every VU runs its init code before setup(), and the run's
// progress says so meanwhile: Stage "init", with the VUs made so far out
// of InitVUs.
func TestVUsInitialiseBeforeSetup(t *testing.T) {
	g := NewWithT(t)
	// Reading a named pipe blocks until the test writes to it.
	fifo := filepath.Join(t.TempDir(), "hold")
	g.Expect(syscall.Mkfifo(fifo, 0o600)).To(Succeed())
	released := false
	release := func() {
		if !released {
			released = true
			g.Expect(os.WriteFile(fifo, []byte("go"), 0o600)).To(Succeed())
		}
	}
	defer release()
	run := wstest.Start(context.Background(), wstest.Script{Name: "init.js", Source: `
export const options = { vus: 2, iterations: 2 };
if (__VU === 2) open(__ENV.HOLD); // the second VU's init waits for the test
console.log("init " + __VU);
export function setup() { console.log("setup"); }
export default function () {}
`}, wstest.WithEnv("HOLD", fifo))
	g.Eventually(func() string { return run.Progress().Stage }).Should(Equal("init"))
	p := run.Progress()
	g.Expect(p.InitVUs).To(BeEquivalentTo(2))
	g.Expect(p.VUs).To(BeNumerically("<", 2))
	release()
	res, err := run.Wait()
	g.Expect(err).NotTo(HaveOccurred())
	var order []string
	for _, l := range res.Logs {
		order = append(order, l.Message)
	}
	// Then teardown's and handleSummary's VUs (0) run the init code too.
	g.Expect(len(order)).To(BeNumerically(">=", 4))
	g.Expect(order[:3]).To(ConsistOf("init 0", "init 1", "init 2"))
	g.Expect(order[3]).To(Equal("setup"))
}
