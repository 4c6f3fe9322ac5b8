package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

// TestNoHostIsMalformed: a URL without a host fails as a malformed URL
// instead of dialing port 80 (or the given port) of this machine.
func TestNoHostIsMalformed(t *testing.T) {
	g := NewWithT(t)
	res := run(t, newServer(t), `
import ws from "k6/ws";
export default function () {
  for (const u of ["ws://", "wss:///path", "ws://:1/"]) {
    console.log(ws.connect(u, () => console.log("connected")).error);
  }
}
`)
	g.Expect(infoLogs(res)).To(Equal([]string{"malformed ws or wss URL", "malformed ws or wss URL", "malformed ws or wss URL"}))
}
