package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// When a run stopped keeping events or samples, the failures of the
// matchers that read them say so and how to keep more.
func TestFailuresSayWhatTheRunDidNotKeep(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => { ws.send("a"); ws.send("b"); };
  let n = 0;
  ws.onmessage = () => { if (++n === 2) ws.close(); };
}`, wstest.WithEnv("URL", srv.URL), wstest.WithEventLimit(2), wstest.WithSampleLimit(1))

	m := HaveEvent("close")
	ok, err := m.Match(res)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(ok).To(BeFalse())
	g.Expect(m.FailureMessage(res)).To(ContainSubstring("the run kept its first 2 events and not the 2 after them: raise the limit with wstest.WithEventLimit"))

	o := HaveEventsInOrder("open", "close")
	ok, _ = o.Match(res)
	g.Expect(ok).To(BeFalse())
	g.Expect(o.FailureMessage(res)).To(ContainSubstring("wstest.WithEventLimit"))

	s := HaveSample("ws_msgs_received", map[string]string{}, 1)
	ok, _ = s.Match(res)
	g.Expect(ok).To(BeFalse())
	g.Expect(s.FailureMessage(res)).To(ContainSubstring("raise it with wstest.WithSampleLimit"))

	// A run that kept everything says nothing of it.
	full := scripttest.Run(t, `export default function () {}`)
	m = HaveEvent("close")
	_, _ = m.Match(full)
	g.Expect(m.FailureMessage(full)).NotTo(ContainSubstring("WithEventLimit"))
}
