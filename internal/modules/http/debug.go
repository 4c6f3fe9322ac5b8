package http

import (
	"bytes"
	"net/http"
	"net/http/httputil"

	"github.com/wsk6/wstest/internal/vu"
)

// debugTransport is the httpDebug option: it logs every round trip of a
// request (redirect hops and auth challenges included) as k6 does, at info
// level with source http-debug: "Request:\n" then the request as it goes
// out, "Response:\n" then the response, line ends as \n; bodies only with
// "full".
type debugTransport struct {
	base http.RoundTripper
	v    *vu.VU
	full bool
}

// RoundTrip implements http.RoundTripper.
func (t debugTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if dump, err := httputil.DumpRequestOut(req, t.full); err != nil {
		t.log(vu.LevelError, err.Error())
	} else {
		t.log(vu.LevelInfo, "Request:\n"+unixLines(dump)+"\n")
	}
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		if dump, derr := httputil.DumpResponse(resp, t.full); derr != nil {
			t.log(vu.LevelError, derr.Error())
		} else {
			t.log(vu.LevelInfo, "Response:\n"+unixLines(dump)+"\n")
		}
	}
	return resp, err
}

func (t debugTransport) log(level vu.Level, msg string) {
	t.v.Reporter.LogFrom(t.v.ID, level, "http-debug", msg)
}

func unixLines(b []byte) string { return string(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))) }
