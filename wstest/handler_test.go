package wstest_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	. "github.com/onsi/gomega"

	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// shoutHandler is the kind of handler a user tests: a gorilla WebSocket
// endpoint that answers every text message in capitals, prefixed with the
// number of connections it has served.
type shoutHandler struct {
	served atomic.Int64
	live   atomic.Int64
}

func (h *shoutHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/shout" {
		http.NotFound(w, r)
		return
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	c, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	h.served.Add(1)
	h.live.Add(1)
	defer h.live.Add(-1)
	for {
		kind, p, err := c.ReadMessage()
		if err != nil {
			return
		}
		if kind == websocket.TextMessage {
			p = []byte(strings.ToUpper(string(p)))
		}
		if err := c.WriteMessage(kind, p); err != nil {
			return
		}
	}
}

// hundredSockets opens 100 sockets at once from one VU, says hello on
// each and closes each when its answer arrives.
const hundredSockets = `
import { check } from "k6";
import { WebSocket } from "k6/websockets";

export default function () {
  for (let i = 0; i < 100; i++) {
    const ws = new WebSocket("ws://myapp.test/shout");
    ws.onopen = () => ws.send("hello " + i);
    ws.onmessage = (e) => {
      check(e.data, { "the answer is loud": (d) => d === "HELLO " + i });
      ws.close();
    };
  }
}
`

func TestHandlerWithHundredConcurrentSockets(t *testing.T) {
	g := NewWithT(t)
	h := &shoutHandler{}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	res, err := wstest.Run(ctx, wstest.Script{Name: "shout.js", Source: hundredSockets},
		wstest.WithHandler("myapp.test", h))
	g.Expect(err).NotTo(HaveOccurred())

	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveCheck("the answer is loud", 100, 0))
	g.Expect(res).To(HaveMetric("ws_sessions", 100))
	g.Expect(res).To(HaveMetric("ws_msgs_sent{url:ws://myapp.test/shout}", 100))
	g.Expect(res).To(HaveMetricStat("ws_connecting", "count", 100))
	g.Expect(res).To(HaveEvent("open").OnURL("ws://myapp.test/shout").Times(100))
	g.Expect(res).To(HaveReceived("HELLO 42"))
	g.Expect(res).To(HaveReceived(HavePrefix("HELLO ")).Times(100))
	g.Expect(res).To(HaveEventsInOrder("open", "message", HaveEvent("close", 1000)).OnEverySocket())
	g.Expect(res).NotTo(HaveEvent("error"))
	g.Expect(h.served.Load()).To(BeEquivalentTo(100))

	g.Eventually(h.live.Load).Should(BeZero(), "the handler returns once its socket is closed")
}

func TestHandlerRefusesOtherPaths(t *testing.T) {
	g := NewWithT(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := wstest.Run(ctx, wstest.Script{Name: "missing.js", Source: `
		import { WebSocket } from "k6/websockets";
		export default function () {
		  const ws = new WebSocket("ws://myapp.test/nowhere");
		  ws.onerror = () => {};
		}
	`}, wstest.WithHandler("myapp.test", &shoutHandler{}))
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(res).To(HaveEvent("error").Where(HaveField("Status", 404)))
	g.Expect(res).NotTo(HaveEvent("open"))
}
