package http_test

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestGetReturnsTheResponse(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const r = http.get(__ENV.URL + "/multi");
  console.log(r.status, r.status_text, r.proto, r.body, r.headers["X-Multi"], r.headers["X-Lower"], r.headers["x-lower"]);
  console.log(r.cookies.sid[0].value, r.cookies.sid[0].expires, r.remote_ip, r.remote_port > 0, r.url === __ENV.URL + "/multi");
  console.log(Object.keys(r).join(" "));
  console.log(Object.keys(r.timings).join(" "), r.timings.duration >= 0, r.error, r.error_code);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: 200 200 OK HTTP/1.1 ok a, b v undefined",
		"info: abc -6795364578871 127.0.0.1 true true",
		"info: remote_ip remote_port url status status_text proto headers cookies body timings tls_version tls_cipher_suite ocsp error error_code request",
		"info: duration blocked looking_up connecting tls_handshaking sending waiting receiving true  0",
	}))
	g.Expect(v.Metric("http_reqs").Count()).To(Equal(1))
	g.Expect(v.Metric("http_req_failed").Count()).To(Equal(1))
}

func TestBodiesAndMethods(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  const u = __ENV.URL + "/echo";
  let r = http.post(u, {b: 2, a: [1, 2], n: null, o: {x: 1}, f: 1.5});
  console.log(r.body, r.headers["X-Content-Type"]);
  r = http.put(u, "text");
  console.log(r.headers["X-Method"], r.body, r.headers["X-Content-Type"] === "");
  r = http.del(u, "delbody");
  console.log(r.headers["X-Method"], r.body);
  r = http.request("post", u, new Uint8Array([104, 105]).buffer);
  console.log(r.headers["X-Method"], r.body);
  r = http.post(u, 42);
  console.log(r.status, r.error, r.error_code, JSON.stringify(r.body), r.request);
  r = http.post(u, {f: http.file("data", "a\"b.txt", "text/plain")});
  console.log(r.body.includes('filename="a\\"b.txt"'), r.headers["X-Content-Type"].startsWith("multipart/form-data; boundary="));
  r = http.get(u, {headers: {"x-a": 5, "User-Agent": "me"}, cookies: {p: "2"}});
  console.log(r.headers["X-Ua"], r.request.headers["X-A"][0], r.headers["X-Cookie"]);
}`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: a=1&a=2&b=2&f=1.5&n=%3Cnil%3E&o=map%5Bx%3A1%5D application/x-www-form-urlencoded",
		"info: PUT text true",
		"info: DELETE delbody",
		"info: post hi",
		`warning: Request Failed error="unknown request body type int64"`,
		"info: 0 unknown request body type int64 0 [] null",
		"info: true true",
		"info: me 5 p=2",
	}))
	g.Expect(v.Metric("http_reqs").Count()).To(Equal(6))
}

func TestErrorsAndStatuses(t *testing.T) {
	g := NewWithT(t)
	srv := testServer(t)
	v, err := run(t, srv.URL, `
import http from "k6/http";
export default function () {
  let r = http.get(__ENV.URL + "/status/404");
  console.log(r.status, r.error, r.error_code);
  r = http.get("http://127.0.0.1:1/");
  console.log(r.status, r.error, r.error_code, r.body);
  r = http.get("ht!tp://bad url");
  console.log(r.error, r.error_code);
  r = http.get(42);
  console.log(r.error);
  r = http.get(__ENV.URL + "/slow", {timeout: "100ms"});
  console.log(r.error, r.error_code);
  r = http.get(__ENV.URL + "/echo", {timeout: "abc"});
  console.log(r.error);
  r = http.get(__ENV.URL + "/echo", {responseType: "blob"});
  console.log(r.error);
  r = http.get(__ENV.URL + "/echo", {tags: {a: {}}});
  console.log(r.error);
  try { http.get("http://127.0.0.1:1/", {throw: true}); } catch (e) { console.log(e.name, e.message); }
}`)
	g.Expect(err).NotTo(HaveOccurred())
	logs := v.Logs()
	g.Expect(logs).To(ContainElements(
		"info: 404  1404",
		"info: 0 dial: connection refused 1212 null",
		`info: invalid URL: parse "ht!tp://bad url": first path segment in URL cannot contain colon 1020`,
		"info: invalid URL: '#42'",
		"info: request timeout 1050",
		`info: invalid timeout value: time: invalid duration "abc"`,
		"info: blob does not belong to ResponseType values",
		"info: invalid HTTP request metric tags: invalid value for metric tag 'a': only String, Boolean and Number types are accepted as a metric tag values",
		`info: GoError Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused`,
		`warning: Request Failed error="Get \"http://127.0.0.1:1/\": dial tcp 127.0.0.1:1: connect: connection refused"`,
	))
	g.Expect(v.Metric("http_reqs").Count()).To(Equal(4))
}
