package websockets_test

import (
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// TestTextIsValidUTF8OnTheWire: raw bytes that are not UTF-8 (from -e or
// open()) and unpaired surrogates go out as U+FFFD in text frames (the
// echo comes back, and the connection is not failed by it) and in the
// close reason (DECISIONS 15).
func TestTextIsValidUTF8OnTheWire(t *testing.T) {
	srv := newWireServer(t)
	res := scripttest.Run(t, `
import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  const sent = [__ENV.BAD, "x\uD800y\uDFFFz", "ok é"];
  let n = 0;
  ws.onopen = () => sent.forEach((s) => ws.send(s));
  ws.onmessage = (e) => {
    console.log(JSON.stringify(e.data));
    if (++n === sent.length) ws.close(1000, __ENV.BAD);
  };
  ws.onerror = (e) => console.log("error " + e.error);
  ws.onclose = (e) => console.log("close " + e.code);
}`, wstest.WithEnv("URL", srv.url), wstest.WithEnv("BAD", "a\xffb\xc3"))
	want := `"a\ufffdb\ufffd"|"x\ufffdy\ufffdz"|"ok é"|close 1000`
	got := strings.ReplaceAll(strings.Join(infoLogs(res), "|"), "\uFFFD", `\ufffd`)
	if got != want {
		t.Errorf("logs\n got %s\nwant %s", got, want)
	}
	if f := srv.nextCloseFrame(t); f.code != 1000 || f.reason != "a\uFFFDb\uFFFD" {
		t.Errorf("the server got close %d %q", f.code, f.reason)
	}
}

// TestLegacyTextIsValidUTF8OnTheWire: the same for k6/ws's send.
func TestLegacyTextIsValidUTF8OnTheWire(t *testing.T) {
	srv := newWireServer(t)
	res := scripttest.Run(t, `
import ws from "k6/ws";
export default function () {
  ws.connect(__ENV.URL + "/echo", null, (s) => {
    s.on("open", () => s.send(__ENV.BAD));
    s.on("message", (m) => { console.log(m === "a\uFFFDb" ? "replaced" : "raw"); s.close(); });
  });
}`, wstest.WithEnv("URL", srv.url), wstest.WithEnv("BAD", "a\xffb"))
	if got := strings.Join(infoLogs(res), "|"); got != "replaced" {
		t.Errorf("logs %q", got)
	}
}
