package fullrun_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

// k6's quirks with odd params (spec http.md §4): a DataView body is an
// empty form body; a string as headers adds one header per character.
func TestParamQuirks(t *testing.T) {
	g := NewWithT(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = fmt.Fprintf(w, "ct=%q len=%d h0=%q h1=%q h2=%q five=%q", r.Header.Get("Content-Type"), len(body),
			r.Header.Get("0"), r.Header.Get("1"), r.Header.Get("2"), r.Header.Get("X-Five"))
	}))
	defer srv.Close()
	res := scripttest.Run(t, `
import http from "k6/http";
export default function () {
  console.log(http.post(__ENV.URL, new DataView(new ArrayBuffer(4))).body);
  console.log(http.get(__ENV.URL, { headers: "abc" }).body);
  console.log(http.get(__ENV.URL, { headers: { "x-five": 5 } }).body);
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res).To(HaveLogged(`ct="application/x-www-form-urlencoded" len=0 h0="" h1="" h2="" five=""`))
	g.Expect(res).To(HaveLogged(`ct="" len=0 h0="a" h1="b" h2="c" five=""`))
	g.Expect(res).To(HaveLogged(`ct="" len=0 h0="" h1="" h2="" five="5"`))
}

// Params are checked in their key order: the first bad key names the error
// (spec http.md §4), and nothing is sent.
func TestParamsAreCheckedInKeyOrder(t *testing.T) {
	g := NewWithT(t)
	srv := server(t)
	res := scripttest.Run(t, `
import http from "k6/http";
export const options = { throw: true };
export default function () {
  for (const params of [{ timeout: "soon", responseType: "nope" }, { responseType: "nope", timeout: "soon" }]) {
    try { http.get(__ENV.URL, params); } catch (e) { console.log(e.message); }
  }
}`, wstest.WithEnv("URL", srv.URL))
	g.Expect(res).To(HaveNoErrors())
	g.Expect(res.Logs).To(HaveLen(2))
	g.Expect(res.Logs[0].Message).To(ContainSubstring("soon"))
	g.Expect(res.Logs[0].Message).NotTo(ContainSubstring("nope"))
	g.Expect(res.Logs[1].Message).To(ContainSubstring("nope"))
	g.Expect(res.Logs[1].Message).NotTo(ContainSubstring("soon"))
	g.Expect(res.Metric("http_reqs").Count()).To(BeZero())
}
