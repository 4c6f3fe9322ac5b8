package modules_test

import (
	"testing"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestDataEncodingCryptoWithSocket is the script the modules are for:
// shared users, a base64 credential, a signed message and a random UUID,
// sent over a socket by several VUs and checked on the echo.
func TestDataEncodingCryptoWithSocket(t *testing.T) {
	g := NewWithT(t)
	srv := fixtures.NewServer()
	defer srv.Close()
	res := scripttest.Run(t, `
import { SharedArray } from "k6/data";
import encoding from "k6/encoding";
import { hmac, sha256 } from "k6/crypto";
import { check } from "k6";
import { WebSocket } from "k6/websockets";
import { uuidv4 } from "https://jslib.k6.io/k6-utils/1.6.0/index.js";

const users = new SharedArray("users", () => JSON.parse('{"users":[{"name":"ann","pass":"a1"},{"name":"bob","pass":"b2"}]}').users);

export default function () {
  const user = users[(__VU - 1) % users.length];
  const body = JSON.stringify({
    id: uuidv4(true),
    auth: encoding.b64encode(user.name + ":" + user.pass),
    digest: sha256(user.name, "hex"),
  });
  const msg = body + "." + hmac("sha256", "secret", body, "base64rawurl");
  const ws = new WebSocket(__ENV.URL + "/echo");
  ws.onopen = () => ws.send(msg);
  ws.onmessage = (e) => {
    const [text, sig] = e.data.split(".");
    const got = JSON.parse(text);
    check(got, {
      "signature": () => hmac("sha256", "secret", text, "base64rawurl") === sig,
      "credential": (m) => encoding.b64decode(m.auth, "std", "s") === user.name + ":" + user.pass,
      "uuid": (m) => /^[0-9a-f-]{36}$/.test(m.id),
    });
    ws.close();
  };
}
`, wstest.WithEnv("URL", srv.URL), wstest.WithVUs(4), wstest.WithIterations(8))
	g.Expect(res.Errors).To(BeEmpty())
	g.Expect(res.Checks).To(HaveLen(3))
	for _, c := range res.Checks {
		g.Expect(c.Passes).To(BeEquivalentTo(8), c.Name)
		g.Expect(c.Fails).To(BeZero(), c.Name)
	}
}
