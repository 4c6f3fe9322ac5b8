package wstest_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// blacklistIPs and blockHostnames refuse WebSocket and HTTP connections
// with k6's texts (spec/cli.md section 2).
func TestBlockedConnections(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, `
import { WebSocket } from "k6/websockets";
import http from "k6/http";
export const options = { blacklistIPs: ["127.0.0.0/8"], blockHostnames: ["*.test"] };
export default function () {
  for (const url of [__ENV.URL + "/echo", "ws://probe.test/echo"]) {
    const ws = new WebSocket(url);
    ws.onerror = (e) => console.log("ws " + e.error);
  }
  console.log("http " + http.get(__ENV.URL.replace("ws://", "http://") + "/").error);
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged(And(HavePrefix("ws "), ContainSubstring("IP (127.0.0.1) is in a blacklisted range (127.0.0.0/8)"))))
	g.Expect(res).To(HaveLogged(And(HavePrefix("http "), ContainSubstring("IP (127.0.0.1) is in a blacklisted range (127.0.0.0/8)"))))
	g.Expect(res).To(HaveLogged(ContainSubstring("hostname (probe.test) is in a blocked pattern (*.test)")))
	g.Expect(res.Metric("ws_msgs_sent").Count()).To(BeZero())
}

func TestABadBlacklistRangeIsAConfigError(t *testing.T) {
	g := NewWithT(t)
	_, err := scripttest.RunErr(t, `export const options = { blacklistIPs: ["10.0.0.0/99"] }; export default function () {}`)
	var ce *wstest.ConfigError
	g.Expect(err).To(BeAssignableToTypeOf(ce))
	g.Expect(err).To(MatchError(ContainSubstring("invalid CIDR address: 10.0.0.0/99")))
	g.Expect(wstest.ExitCode(nil, err)).To(Equal(wstest.ExitInvalidConfig))
}
