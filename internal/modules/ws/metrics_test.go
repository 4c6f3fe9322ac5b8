package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestSampleTags(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
import { group } from "k6";
export const options = { systemTags: ["url", "status", "subproto", "ip", "group", "scenario"], tags: { global: "g" } };
export default function () {
  group("g1", () => {
    ws.connect(__ENV.URL + "/echo?named", { tags: { name: "custom-name", url: "mine", status: "mine", flag: true, n: 5 } }, function (s) {
      s.on("open", () => { s.send("x"); s.ping(); });
      s.on("pong", () => s.close());
    });
  });
  ws.connect("ws://127.0.0.1:1/refused", () => {});
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	want := map[string]string{"url": srv.URL + "/echo?named", "status": "101", "subproto": "", "ip": "127.0.0.1",
		"group": "::g1", "scenario": "default", "global": "g", "name": "custom-name", "flag": "true", "n": "5"}
	for _, name := range []string{"ws_sessions", "ws_connecting", "ws_session_duration", "ws_msgs_sent", "ws_msgs_received", "ws_ping"} {
		m := res.Metric(name)
		g.Expect(m).NotTo(BeNil(), name)
		g.Expect(m.Samples[0].Tags).To(Equal(want), name)
	}
	failed := res.Metric("ws_sessions").Samples[1].Tags
	g.Expect(failed).To(Equal(map[string]string{"url": "ws://127.0.0.1:1/refused", "group": "", "scenario": "default", "global": "g"}))
	// ws_session_duration is stamped at the dial's start.
	d := res.Metric("ws_session_duration").Samples[0]
	g.Expect(d.Time).To(Equal(res.Metric("ws_sessions").Samples[0].Time))
	g.Expect(count(res, "data_sent")).To(BeNumerically(">", 0))
	g.Expect(res.Metric("data_received").Values()).To(HaveKeyWithValue("count", BeNumerically(">", 0)))
}
