package thresholds

import (
	"fmt"
	"maps"
	"strings"

	"github.com/wsk6/wstest/internal/metrics"
)

// Selector names a metric, or the submetric of its samples that carry
// every tag of Tags. It is k6's metric selector, the key of
// options.thresholds: "name" or "name{tag:value,tag2:value2}".
type Selector struct {
	// Metric is the metric name: all that comes before the first '{'.
	Metric string
	// Tags is the submetric's tags; nil for the whole metric.
	Tags map[string]string
}

// ParseSelector reads a metric selector as k6 does:
//
//   - Without braces the whole text is the metric name.
//   - With braces, the last '}' must end the text and come after the
//     first '{'. The name is what precedes the first '{' (not
//     trimmed: "ws_sessions {a:b}" names the metric "ws_sessions "), and
//     the text between the first '{' and the last '}' holds the tags, so a
//     value may itself contain braces: "conf{name:http://x/a/${}}" selects
//     name "http://x/a/${}", the name http.url gives.
//   - The tags text is split on every ','; each part must contain a ':' and
//     something after its first ':' (so "name{}", "name{a:b,}" and
//     "ws_sessions{subproto:}" are refused). Key and value are trimmed of
//     spaces, then of surrounding quote characters: "{url: 'ws://a'}" is
//     url=ws://a, and a value of just two quote characters selects the
//     empty value. A later key wins over an earlier one.
//
// An empty metric name is refused too; k6 refuses it later, as an unknown
// metric.
func ParseSelector(s string) (Selector, error) {
	open := strings.IndexByte(s, '{')
	closing := strings.LastIndexByte(s, '}')
	switch {
	case open < 0 && closing < 0:
		if s == "" {
			return Selector{}, fmt.Errorf("metric selector %q has no metric name", s)
		}
		return Selector{Metric: s}, nil
	case open < 0 || closing < 0:
		return Selector{}, fmt.Errorf("metric selector %q has unmatched curly braces", s)
	case closing < open:
		return Selector{}, fmt.Errorf("metric selector %q has its closing curly brace before the opening one", s)
	case closing != len(s)-1:
		return Selector{}, fmt.Errorf("metric selector %q does not end with its closing curly brace", s)
	case open == 0:
		return Selector{}, fmt.Errorf("metric selector %q has no metric name", s)
	}
	inner := s[open+1 : closing]
	if inner == "" {
		return Selector{}, fmt.Errorf("metric selector %q has no tags between its curly braces", s)
	}
	tags := map[string]string{}
	for _, part := range strings.Split(inner, ",") {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			return Selector{}, fmt.Errorf("metric selector %q: tag %q is not key:value", s, strings.TrimSpace(part))
		}
		if v == "" {
			return Selector{}, fmt.Errorf("metric selector %q: tag %q has no value", s, strings.TrimSpace(part))
		}
		tags[unquote(k)] = unquote(v)
	}
	return Selector{Metric: s[:open], Tags: tags}, nil
}

// unquote trims spaces, then quote characters, from both ends.
func unquote(s string) string { return strings.Trim(strings.TrimSpace(s), `"'`) }

// String renders the selector as the engine names submetrics:
// "name{key:value,key2:value2}" with keys sorted, or the bare name. An
// empty value is written as "" so that the text parses back to the same
// selector.
func (s Selector) String() string {
	if s.Tags == nil {
		return s.Metric
	}
	tags := s.Tags
	for k, v := range s.Tags {
		if v == "" {
			tags = maps.Clone(s.Tags)
			tags[k] = `""`
		}
	}
	return s.Metric + "{" + metrics.SelectorString(tags) + "}"
}
