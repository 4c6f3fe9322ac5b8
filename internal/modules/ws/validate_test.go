package ws_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
)

func TestConnectCallFormsAndValidation(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws, { connect } from "k6/ws";
function tryIt(name, f) {
  try { f(); console.log(name + ": ok"); }
  catch (e) { console.log(name + ": " + String(e) + " " + (e instanceof Error) + " " + e.name); }
}
const fn = (s) => s.close();
export default function () {
  console.log(JSON.stringify(Object.keys(ws)), typeof connect);
  tryIt("none", () => ws.connect());
  tryIt("url only", () => ws.connect(__ENV.URL + "/echo"));
  tryIt("four", () => ws.connect(__ENV.URL + "/echo", {}, fn, 1));
  tryIt("params no fn", () => ws.connect(__ENV.URL + "/echo", {}));
  tryIt("null", () => ws.connect(__ENV.URL + "/echo", null));
  tryIt("not fn", () => ws.connect(__ENV.URL + "/echo", {}, "notfn"));
  tryIt("string params", () => ws.connect(__ENV.URL + "/echo", "str", fn));
  tryIt("number params", () => ws.connect(__ENV.URL + "/echo", 5, fn));
  tryIt("fn params", () => ws.connect(__ENV.URL + "/echo", fn, fn));
  tryIt("named", () => connect(__ENV.URL + "/echo#frag", fn));
}
`)
	g.Expect(errorTexts(res)).To(BeEmpty())
	g.Expect(infoLogs(res)).To(Equal([]string{
		`["connect"] function`,
		"none: GoError: invalid number of arguments to ws.connect true GoError",
		"url only: GoError: invalid number of arguments to ws.connect true GoError",
		"four: GoError: invalid number of arguments to ws.connect true GoError",
		"params no fn: GoError: last argument to ws.connect must be a function true GoError",
		"null: GoError: last argument to ws.connect must be a function true GoError",
		"not fn: GoError: last argument to ws.connect must be a function true GoError",
		"string params: ok", "number params: ok", "fn params: ok", "named: ok",
	}))
	g.Expect(count(res, "ws_sessions")).To(BeEquivalentTo(4))
}

func TestConnectInInitContext(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
try { ws.connect(__ENV.URL + "/echo", (s) => s.close()); } catch (e) { console.log(String(e)); }
export default function () {}
`)
	// Init code runs more than once (the options VU, then the VU).
	g.Expect(infoLogs(res)).To(HaveEach("GoError: using websockets in the init context is not supported"))
	g.Expect(count(res, "ws_sessions")).To(BeZero())
}

func TestParamsErrorsAlwaysThrow(t *testing.T) {
	g := NewWithT(t)
	srv := newServer(t)
	res := run(t, srv, `
import ws from "k6/ws";
function tryIt(p) {
  try { ws.connect(__ENV.URL + "/echo", p, (s) => s.close()); console.log("ok"); }
  catch (e) { console.log(e.message); }
}
export default function () {
  for (const c of ["", "  ", "deflate", "deflate ", "gzip", "deflate, gzip", "deflate, deflate", "deflate, ", null, undefined, true]) {
    tryIt({ compression: c });
  }
  tryIt({ tags: { a: null } });
  tryIt({ tags: { b: {} } });
  tryIt({ tags: { c: [1] } });
  tryIt({ tags: 5, headers: null, jar: {}, cookies: { a: "b" }, protocols: ["x"], timeout: 1, foo: 1 });
}
`)
	const unsupported = "unsupported compression algorithm '%s', supported algorithm is 'deflate'"
	tag := func(k string) string {
		return "invalid ws.connect() metric tags: invalid value for metric tag '" + k +
			"': only String, Boolean and Number types are accepted as a metric tag values"
	}
	g.Expect(infoLogs(res)).To(Equal([]string{
		"ok", "ok", "ok", "ok",
		sprintf(unsupported, "gzip"), sprintf(unsupported, "deflate, gzip"), sprintf(unsupported, "deflate, deflate"),
		sprintf(unsupported, "deflate,"), sprintf(unsupported, "null"), sprintf(unsupported, "undefined"), sprintf(unsupported, "true"),
		tag("a"), tag("b"), tag("c"), "ok",
	}))
}

func TestMisspeltModuleNamesTheClosestOne(t *testing.T) {
	g := NewWithT(t)
	_, err := scripttest.RunErr(t, `
import { WebSocket } from "k6/websocket";
export default function () {}
`)
	g.Expect(err).To(MatchError(ContainSubstring(`unknown module "k6/websocket"; did you mean "k6/websockets"?`)))
}
