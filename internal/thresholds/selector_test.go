package thresholds_test

import (
	"testing"

	"github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/thresholds"
)

func TestParseSelector(t *testing.T) {
	type tags = map[string]string
	cases := []struct {
		in     string
		metric string
		tags   tags
		err    string
	}{
		// Valid.
		{in: "ws_sessions", metric: "ws_sessions"},
		{in: "my metric", metric: "my metric"},
		{in: " ws_sessions", metric: " ws_sessions"}, // names are not trimmed: an unknown metric later
		{in: "ws_sessions{subproto:chat}", metric: "ws_sessions", tags: tags{"subproto": "chat"}},
		{in: "ws_connecting{url:ws://127.0.0.1:1/x, status:101}", metric: "ws_connecting",
			tags: tags{"url": "ws://127.0.0.1:1/x", "status": "101"}},
		{in: "http_req_duration{ name : 'a b' }", metric: "http_req_duration", tags: tags{"name": "a b"}},
		{in: `m{"k":"v"}`, metric: "m", tags: tags{"k": "v"}},
		{in: "conf{name:http://x/a/${}}", metric: "conf", tags: tags{"name": "http://x/a/${}"}},
		{in: "m{a:{b}}", metric: "m", tags: tags{"a": "{b}"}},
		{in: "m{a:''}", metric: "m", tags: tags{"a": ""}},                                  // quotes select the empty value
		{in: "ws_sessions{subproto: }", metric: "ws_sessions", tags: tags{"subproto": ""}}, // k6 checks the raw text
		{in: "m{:v}", metric: "m", tags: tags{"": "v"}},
		{in: "m{a:1,a:2}", metric: "m", tags: tags{"a": "2"}},
		{in: "m {a:b}", metric: "m ", tags: tags{"a": "b"}},
		{in: "m}{a:b}", metric: "m}", tags: tags{"a": "b"}},

		// Invalid.
		{in: "", err: `metric selector "" has no metric name`},
		{in: "{a:b}", err: `metric selector "{a:b}" has no metric name`},
		{in: "m{}", err: `metric selector "m{}" has no tags between its curly braces`},
		{in: "ws_sessions{subproto:}", err: `metric selector "ws_sessions{subproto:}": tag "subproto:" has no value`},
		{in: "m{a:b,c:}", err: `metric selector "m{a:b,c:}": tag "c:" has no value`},
		{in: "m{a}", err: `metric selector "m{a}": tag "a" is not key:value`},
		{in: "m{a:b,}", err: `metric selector "m{a:b,}": tag "" is not key:value`},
		{in: "m{ }", err: `metric selector "m{ }": tag "" is not key:value`},
		{in: "m{url:http://x/?a=1,b=2}", err: `metric selector "m{url:http://x/?a=1,b=2}": tag "b=2" is not key:value`},
		{in: "m{a:b", err: `metric selector "m{a:b" has unmatched curly braces`},
		{in: "ma:b}", err: `metric selector "ma:b}" has unmatched curly braces`},
		{in: "m}a:b{", err: `metric selector "m}a:b{" has its closing curly brace before the opening one`},
		{in: "m{a:b}x", err: `metric selector "m{a:b}x" does not end with its closing curly brace`},
		{in: "m{a:b} ", err: `metric selector "m{a:b} " does not end with its closing curly brace`},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := thresholds.ParseSelector(c.in)
			if c.err != "" {
				g.Expect(err).To(gomega.MatchError(c.err))
				return
			}
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got).To(gomega.Equal(thresholds.Selector{Metric: c.metric, Tags: c.tags}))
		})
	}
}

func TestSelectorString(t *testing.T) {
	cases := map[string]string{
		"ws_sessions":                  "ws_sessions",
		"m{b:2, a:1}":                  "m{a:1,b:2}",
		"conf{name:http://x/a/${}}":    "conf{name:http://x/a/${}}",
		"m{url:'ws://127.0.0.1:1/x' }": "m{url:ws://127.0.0.1:1/x}",
	}
	for in, want := range cases {
		sel, err := thresholds.ParseSelector(in)
		g := gomega.NewWithT(t)
		g.Expect(err).NotTo(gomega.HaveOccurred())
		g.Expect(sel.String()).To(gomega.Equal(want), in)
		again, err := thresholds.ParseSelector(sel.String())
		g.Expect(err).NotTo(gomega.HaveOccurred())
		g.Expect(again).To(gomega.Equal(sel), in)
	}
}
