package wstest_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

const echoTwenty = `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  let n = 0;
  ws.onopen = () => { for (let i = 0; i < 20; i++) ws.send("m" + i); };
  ws.onmessage = () => { if (++n === 20) ws.close(); };
}
`

// A run keeps events and samples up to its limits, says how many it did
// not keep, and still counts every message in its metrics.
func TestLimitsBoundWhatARunKeeps(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, echoTwenty, wstest.WithEnv("URL", srv.URL),
		wstest.WithEventLimit(5), wstest.WithSampleLimit(10))

	g.Expect(res.Events).To(HaveLen(5))
	g.Expect(res.EventsNotKept).To(BeEquivalentTo(1 + 20 + 1 - 5)) // open, 20 messages, close
	g.Expect(res.Metric("ws_msgs_received").Count()).To(BeEquivalentTo(20))
	p95, ok := res.Metric("ws_session_duration").Stat("p(95)")
	g.Expect(ok).To(BeTrue())
	g.Expect(p95).To(BeNumerically(">", 0))

	kept, total := 0, int64(0)
	for _, m := range res.Metrics {
		kept += len(m.Samples)
		total += m.Count()
	}
	g.Expect(kept).To(Equal(10))
	g.Expect(res.SamplesNotKept).To(Equal(total - 10))
}

func TestByDefaultARunKeepsEverythingUpToTheDefaultLimits(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, echoTwenty, wstest.WithEnv("URL", srv.URL))
	g.Expect(res.Events).To(HaveLen(22))
	g.Expect(res.EventsNotKept).To(BeZero())
	g.Expect(res.SamplesNotKept).To(BeZero())
	g.Expect(res.Metric("ws_msgs_received").Samples).To(HaveLen(20))
}
