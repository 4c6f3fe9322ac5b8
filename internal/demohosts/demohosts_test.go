package demohosts_test

import (
	"testing"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// demoRun runs src with every demo host sent to fresh fixture servers
// whose stand-in timers run scale times faster, and the script's timers too.
func demoRun(t *testing.T, scale float64, src string) *wstest.Result {
	t.Helper()
	plain := fixtures.NewServer(fixtures.WithTimeScale(scale))
	t.Cleanup(plain.Close)
	secure := fixtures.NewTLSServer(fixtures.WithTimeScale(scale),
		fixtures.WithTLSNames(fixtures.EchoWebSocketOrg, fixtures.QuickPizza, fixtures.TestAPI))
	t.Cleanup(secure.Close)
	opts := []wstest.Option{wstest.WithRootCAs(secure.CertPool()), wstest.WithTimeScale(scale)}
	for _, host := range []string{fixtures.EchoWebSocketOrg, "localhost", fixtures.QuickPizza, fixtures.TestAPI} {
		opts = append(opts, wstest.WithRedirect(host, plain.Addr, secure.Addr))
	}
	return scripttest.Run(t, src, opts...)
}

func TestEchoHostsGreetThenEcho(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 1, `
import { WebSocket } from "k6/websockets";
export default function () {
  for (const url of ["wss://echo.websocket.org", "ws://localhost:10000/any/path"]) {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    let n = 0;
    ws.onopen = () => { ws.send("text"); ws.send(new Uint8Array([7, 8]).buffer); };
    ws.onmessage = () => { if (++n === 3) ws.close(); };
  }
}`)
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveEventsInOrder("open",
		HaveReceived("Request served by "+fixtures.EchoServerName),
		HaveReceived("text"),
		HaveEvent("message").Where(HaveField("Binary", BeTrue())),
		HaveEvent("close", 1000),
	).OnEverySocket())
	g.Expect(res).To(HaveEvent("open").Times(2))
}

func TestEchoHostQuietGreeting(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 1, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("wss://echo.websocket.org/", null, { headers: { "X-Send-Server-Hostname": "false" } });
  ws.onmessage = () => ws.close();
}`)
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveReceived("").OnURL("wss://echo.websocket.org/").Times(1))
}

func TestQuickPizzaHub(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 0.01, `
import { WebSocket } from "k6/websockets";
export default function () {
  const listener = new WebSocket("wss://quickpizza.grafana.com/ws");
  listener.onopen = () => listener.send("here");
  listener.onmessage = (e) => {
    if (e.data === "last") listener.close();
    if (e.data !== "here") return;
    // The listener is in the hub: its own message came back.
    const talker = new WebSocket("wss://quickpizza.grafana.com/ws");
    talker.onopen = () => {
      talker.send(new Uint8Array([1]).buffer); // dropped
      talker.send(JSON.stringify({ event: "SAY", message: "hi" }));
      talker.send("last");
    };
    talker.onmessage = (e) => { if (e.data === "last") talker.send("x".repeat(513)); };
  };
}`)
	g.Expect(res).To(HaveEvent("message").Where(HaveField("Binary", BeTrue())).Times(0))
	// Both the listener and the sender get the text, unchanged.
	g.Expect(res).To(HaveReceived(`{"event":"SAY","message":"hi"}`).Times(2))
	g.Expect(res).To(HaveReceived("last").Times(2))
	// The message over 512 bytes closes the sender's connection with 1009.
	g.Expect(res).To(HaveEvent("close", 1009).Times(1))
}

func TestQuickPizzaPings(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 0.01, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket("wss://quickpizza.grafana.com/ws");
  ws.onping = () => ws.close();
}`)
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveEvent("ping").Times(1))
	g.Expect(res).To(HaveEvent("close", 1000).Times(1))
}

func TestTestAPIChat(t *testing.T) {
	g := NewWithT(t)
	res := demoRun(t, 0.001, `
import { WebSocket } from "k6/experimental/websockets";
const room = "wss://test-api.k6.io/ws/crocochat/tank/";
export default function () {
  const stayer = new WebSocket(room);
  stayer.addEventListener("message", (e) => {
    const msg = JSON.parse(e.data);
    if (msg.event === "USER_JOINED" && msg.type === "send_message" && stayer.joined === undefined) {
      stayer.joined = true;
      const leaver = new WebSocket(room);
      leaver.addEventListener("open", () => leaver.send(JSON.stringify({ event: "SET_NAME", new_name: "leo" })));
      leaver.addEventListener("message", (e) => {
        if (JSON.parse(e.data).event === "NAME_CHANGE") leaver.send(JSON.stringify({ event: "LEAVE" }));
      });
    }
    if (msg.event === "LEAVE") stayer.send("[1]");
  });
  const noSlash = new WebSocket("wss://test-api.k6.io/ws/crocochat/tank");
  const pinged = new WebSocket("wss://test-api.k6.io/ws/crocochat/quiet/");
  pinged.addEventListener("ping", () => pinged.close());
}`)
	g.Expect(res).To(HaveReceived(`{"type": "send_message", "event": "LEAVE", "room": "tank", "user": "leo", "message": "leo leaves now."}`).Times(1))
	// The leaver gets its own NAME_CHANGE but not its LEAVE, then 3000.
	g.Expect(res).To(HaveEvent("close", 3000).Times(1))
	// JSON that is not an object: the connection drops.
	g.Expect(res).To(HaveEvent("close", 1006).OnURL("wss://test-api.k6.io/ws/crocochat/tank/").Times(1))
	g.Expect(res).To(HaveEvent("error", ContainSubstring("bad handshake (HTTP 404)")).OnURL("wss://test-api.k6.io/ws/crocochat/tank"))
	g.Expect(res).To(HaveEvent("ping").OnURL("wss://test-api.k6.io/ws/crocochat/quiet/").Times(BeNumerically(">=", 1)))
}
