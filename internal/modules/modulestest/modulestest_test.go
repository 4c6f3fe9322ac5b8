package modulestest_test

import (
	"context"
	"testing"
	"time"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRunRecordsWhatModulesReport(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	v := modulestest.New(t, modulestest.WithEnv("URL", srv.URL))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := v.Run(ctx, `
import { check } from "k6";
import { WebSocket } from "k6/websockets";
console.log("init");
export default function () {
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => ws.send("hi");
  ws.onmessage = (e) => { check(e, { "echoed": (e) => e.data === "hi" }); ws.close(); };
}
`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{"info: init"}))
	g.Expect(v.Checks()).To(Equal(map[string][2]int{"echoed": {1, 0}}))
	var types []string
	for _, e := range v.Events() {
		types = append(types, e.Type)
	}
	g.Expect(types).To(Equal([]string{"open", "message", "close"}))
	g.Expect(v.Metric("ws_sessions").Count()).To(Equal(1))
}

func TestRunReturnsTheScriptsException(t *testing.T) {
	g := NewWithT(t)
	v := modulestest.New(t)
	err := v.Run(context.Background(), `export default function () { null.x; }`)
	g.Expect(err).To(MatchError(ContainSubstring("TypeError")))
	g.Expect(err).To(MatchError(ContainSubstring("test.js:1")))
}
