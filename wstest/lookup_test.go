package wstest_test

import (
	"context"
	"errors"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/wstest"
)

const lookupScript = `
import { Counter } from "k6/metrics";
const hits = new Counter("hits");
export const options = { iterations: 1 };
export default function () {
  hits.add(1, { url: "ws://a.test:8080/echo", kind: "first" });
  hits.add(2, { url: "ws://b.test/echo", kind: "second" });
  hits.add(4, { name: "http://x/a/${}" });
}
`

func TestLookup(t *testing.T) {
	res, err := wstest.Run(context.Background(), wstest.Script{Name: "lookup.js", Source: lookupScript})
	NewWithT(t).Expect(err).NotTo(HaveOccurred())

	type tags = map[string]string
	cases := []struct {
		selector string
		tags     tags    // the metric's Tags
		count    float64 // its "count" stat
		err      string
		unknown  string // the UnknownMetricError's Name
	}{
		{selector: "hits", count: 7},
		{selector: "hits{kind:first}", tags: tags{"kind": "first"}, count: 1},
		{selector: "hits{url:ws://a.test:8080/echo}", tags: tags{"url": "ws://a.test:8080/echo"}, count: 1},
		{selector: "hits{ url : 'ws://b.test/echo' }", tags: tags{"url": "ws://b.test/echo"}, count: 2},
		{selector: "hits{name:http://x/a/${}}", tags: tags{"name": "http://x/a/${}"}, count: 4},
		{selector: "hits{kind:first,url:ws://b.test/echo}", tags: tags{"kind": "first", "url": "ws://b.test/echo"}, count: 0},
		{selector: "hits{}", err: `metric selector "hits{}" has no tags between its curly braces`},
		{selector: "hits{kind:}", err: `metric selector "hits{kind:}": tag "kind:" has no value`},
		{selector: "hits{kind}", err: `metric selector "hits{kind}": tag "kind" is not key:value`},
		{selector: "hits{kind:first", err: `metric selector "hits{kind:first" has unmatched curly braces`},
		{selector: "hits{kind:first} ", err: `metric selector "hits{kind:first} " does not end with its closing curly brace`},
		{selector: "", err: `metric selector "" has no metric name`},
		{selector: "{kind:first}", err: `metric selector "{kind:first}" has no metric name`},
		{selector: "hit", unknown: "hit"},
		{selector: "hit{kind:first}", unknown: "hit"},
		{selector: "hits {kind:first}", unknown: "hits "},
	}
	for _, c := range cases {
		t.Run(c.selector, func(t *testing.T) {
			g := NewWithT(t)
			m, err := res.Lookup(c.selector)
			switch {
			case c.err != "":
				g.Expect(err).To(MatchError(c.err))
				g.Expect(m).To(BeNil())
			case c.unknown != "":
				var unknown *wstest.UnknownMetricError
				g.Expect(errors.As(err, &unknown)).To(BeTrue(), "%v", err)
				g.Expect(unknown.Selector).To(Equal(c.selector))
				g.Expect(unknown.Name).To(Equal(c.unknown))
				g.Expect(unknown.Known).To(ContainElements("hits", "iterations"))
				g.Expect(unknown.Known).To(Equal(res.MetricNames()))
				g.Expect(err.Error()).To(HavePrefix(`no metric "` + c.unknown + `" in the run: it has `))
				g.Expect(err.Error()).To(ContainSubstring("group_duration, hits, http_req_blocked"))
				g.Expect(m).To(BeNil())
			default:
				g.Expect(err).NotTo(HaveOccurred())
				g.Expect(m.Name).To(Equal("hits"))
				g.Expect(m.Type).To(Equal("counter"))
				g.Expect(m.Tags).To(Equal(c.tags))
				got, _ := m.Stat("count")
				g.Expect(got).To(Equal(c.count))
			}
		})
	}
}

func TestLookupOnAZeroResult(t *testing.T) {
	g := NewWithT(t)
	var res wstest.Result
	m, err := res.Lookup("ws_sessions")
	g.Expect(m).To(BeNil())
	g.Expect(err).To(MatchError(`no metric "ws_sessions" in the run: it has no metrics`))
	var unknown *wstest.UnknownMetricError
	g.Expect(errors.As(err, &unknown)).To(BeTrue())
	g.Expect(unknown.Tags).To(BeNil())
}
