package ws_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

// point is one {"type":"Point"} line of --out json.
type point struct {
	Type   string `json:"type"`
	Metric string `json:"metric"`
	Data   struct {
		Time  string            `json:"time"`
		Value float64           `json:"value"`
		Tags  map[string]string `json:"tags"`
	} `json:"data"`
}

// The samples of a k6/ws session as --out json writes them (spec
// ws-legacy.md 4.1 and 4.2): ws_session_duration carries the dial start
// as its time, like ws_sessions and ws_connecting; url keeps the query; a
// custom name does not replace it; status and subproto come from the answer.
func TestSamplesAsTheJSONOutputWritesThem(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	var out bytes.Buffer
	run(t, srv, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo?named", { tags: { name: "custom-name" } }, (socket) => {
    socket.on("open", () => socket.send("hi"));
    socket.on("message", () => socket.close());
  });
}
`, wstest.WithJSONOutput(&out))

	byMetric := map[string][]point{}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var p point
		g.Expect(json.Unmarshal(sc.Bytes(), &p)).To(Succeed())
		if p.Type == "Point" {
			byMetric[p.Metric] = append(byMetric[p.Metric], p)
		}
	}
	for _, name := range []string{"ws_sessions", "ws_connecting", "ws_session_duration", "ws_msgs_sent", "ws_msgs_received"} {
		g.Expect(byMetric[name]).To(HaveLen(1), name)
		tags := byMetric[name][0].Data.Tags
		g.Expect(tags).To(HaveKeyWithValue("url", srv.URL+"/echo?named"), name)
		g.Expect(tags).To(HaveKeyWithValue("name", "custom-name"), name)
		g.Expect(tags).To(HaveKeyWithValue("status", "101"), name)
		g.Expect(tags).To(HaveKeyWithValue("subproto", ""), name)
		g.Expect(tags).NotTo(HaveKey("proto"), name)
		g.Expect(tags).NotTo(HaveKey("method"), name)
	}
	dialStart := byMetric["ws_sessions"][0].Data.Time
	g.Expect(byMetric["ws_connecting"][0].Data.Time).To(Equal(dialStart))
	g.Expect(byMetric["ws_session_duration"][0].Data.Time).To(Equal(dialStart))
	g.Expect(byMetric["data_sent"]).NotTo(BeEmpty())
	g.Expect(byMetric["data_received"]).NotTo(BeEmpty())
}
