package http_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestJSONSelectorsAndErrors(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const r = http.get(__ENV.URL + "/json");
  console.log(r.json("a"), r.json("b.c.2.d"), r.json("arr.#"), JSON.stringify(r.json("arr.#.n")), JSON.stringify(r.json("arr.#(n>1)#")), r.json("nope"));
  r.json().a = 99;
  console.log(r.json().a);
  const bad = http.post(__ENV.URL + "/echo", "{\n\"a\":\n   nope}");
  try { bad.json(); } catch (e) { console.log(e.message); }
  console.log(bad.json("a"));
  const none = http.get(__ENV.URL + "/json", {responseType: "none"});
  try { none.json(); } catch (e) { console.log(e.message); }
  try { r.html(); } catch (e) { console.log(e.message); }
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		`info: 1 x 3 [1,2,3] [{"n":2},{"n":3}] undefined`,
		"info: 99",
		"info: cannot parse json due to an error at line 3, character 5 , error: invalid character 'o' in literal null (expecting 'u')",
		"info: undefined",
		"info: the body is null so we can't transform it to JSON - this likely was because of a request error getting the response",
		"info: Response.html() is not supported by wstest (it needs k6/html); parse res.body yourself",
	}))
}

func TestRedirectsCookiesAndCallbacks(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  let r = http.get(__ENV.URL + "/redirect/2");
  console.log(r.status, r.body, r.url.endsWith("/redirect/0"));
  r = http.get(__ENV.URL + "/redirect/3", {redirects: 1});
  console.log(r.status, r.url.endsWith("/redirect/2"));
  http.get(__ENV.URL + "/multi");
  console.log(JSON.stringify(http.cookieJar().cookiesForURL(__ENV.URL)));
  r = http.get(__ENV.URL + "/echo", {headers: {Cookie: "h=1"}, cookies: {p: "2"}});
  console.log(r.headers["X-Cookie"]);
  r = http.get(__ENV.URL + "/echo", {cookies: {sid: {value: "mine", replace: true}}});
  console.log(r.headers["X-Cookie"]);
  r = http.get(__ENV.URL + "/echo", {jar: new http.CookieJar()});
  console.log(JSON.stringify(r.headers["X-Cookie"]));
  http.setResponseCallback(http.expectedStatuses(404, {min: 200, max: 204}));
  http.get(__ENV.URL + "/status/404", {tags: {name: "nf"}});
  try { http.expectedStatuses("x"); } catch (e) { console.log(e.message); }
  try { http.setResponseCallback(() => true); } catch (e) { console.log(e.message); }
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: 200 done true",
		"info: 302 true",
		`info: {"sid":["abc"]}`,
		"info: h=1; p=2; sid=abc",
		"info: sid=mine",
		`info: ""`,
		"info: argument number 1 to expectedStatuses was neither an integer nor an object like {min:100, max:329}",
		"info: unsupported argument, expected http.expectedStatuses",
	}))
	// 3 + 2 round trips of the redirects, then 5 requests.
	g.Expect(v.Metric("http_reqs").Count()).To(Equal(10))
	failed := v.Metric("http_req_failed")
	g.Expect(failed.Count()).To(Equal(10))
}

func TestBatchAndAsync(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default async function () {
  const u = __ENV.URL + "/echo";
  const rs = http.batch([u, ["POST", u, "b"], {method: "put", url: u, body: "c"}]);
  console.log(rs.map(r => r.headers["X-Method"] + ":" + r.body).join(" "));
  const named = http.batch({one: u});
  console.log(named.one.status);
  const bad = http.batch([u, "ht!tp://x y", u]);
  console.log(bad[0].error === "", bad[1].error_code, bad[2]);
  try { http.batch(); } catch (e) { console.log(e.message); }
  const p = http.asyncRequest("POST", u, "async");
  console.log("after call");
  const r = await p;
  console.log(r.body);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: GET: POST:b PUT:c",
		"info: 200",
		`warning: A batch request failed error="invalid URL: parse \"ht!tp://x y\": first path segment in URL cannot contain colon"`,
		"info: true 1020 null",
		"info: no argument was provided to http.batch()",
		"info: after call",
		"info: async",
	}))
}

func TestInitContextRefusesRequests(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
try { http.get(__ENV.URL); } catch (e) { console.log(e.message); }
try { http.batch([]); } catch (e) { console.log(e.message); }
try { http.cookieJar(); } catch (e) { console.log(e.message); }
try { http.TLS_1_2 = "x"; } catch (e) { console.log(e.message); }
export default function () {}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: Making http requests in the init context is not supported",
		"info: Using batch in the init context is not supported",
		"info: Making cookie jars in the init context is not supported",
		"info: Cannot assign to read only property 'TLS_1_2'",
	}))
}
