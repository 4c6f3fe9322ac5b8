package matchers_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wstest"
)

func TestHaveSample(t *testing.T) {
	res := scripttest.Run(t, metricsScript)
	runMatcherCases(t, res, []matcherCase{
		{"a sample with tags", HaveSample("latency", map[string]string{"kind": "first"}), true, []string{
			"Expected the run not to have a sample of latency with tags {kind:first}", "but it has 10 {",
		}},
		{"a sample with tags and value", HaveSample("latency", map[string]string{"kind": "later"}, 30), true, nil},
		{"a sample by matcher", HaveSample("msgs_sent", nil, BeNumerically("==", 2)), true, nil},
		{"a selector and tags together", HaveSample("msgs_sent{url:ws://a.test/echo}", map[string]string{"scenario": "default"}), true, nil},
		{"no sample with the value", HaveSample("latency", map[string]string{"kind": "later"}, BeNumerically(">", 100)), false, []string{
			"Expected the run to have a sample of latency with tags {kind:later} and value matching BeNumericallyMatcher",
			"but none of the 3 samples with those tags (of 4) has such a value; they are:",
			"20 {", "kind:later", "the first one fails with:", "to be >",
		}},
		{"no sample with the tags", HaveSample("latency", map[string]string{"kind": "middle"}), false, []string{
			"but none of its 4 samples has those tags",
			`values of tag "kind" seen:`, "    first\n    later\n",
		}},
		{"an absent tag key", HaveSample("latency", map[string]string{"room": "a"}), false, []string{
			`values of tag "room" seen:`, "(no such tag)",
		}},
		{"a missing metric", HaveSample("latenc", nil), false, []string{`closest names: latency`}},
		{"a metric without samples", HaveSample("never_used", nil), false, []string{"but never_used has no samples"}},
	})
}

func TestHaveSampleMisuse(t *testing.T) {
	res := scripttest.Run(t, cleanScript, wstest.WithoutSamples())
	runMisuseCases(t, []misuseCase{
		{"a run without samples", HaveSample("hits", nil), res, "the run kept no samples of hits (WithoutSamples)"},
		{"two values", HaveSample("hits", nil, 1, 2), res, "at most one matcher or value, got 2"},
		{"a bad selector", HaveSample("{a:b}", nil), res, `HaveSample matcher: metric selector "{a:b}" has no metric name`},
		{"empty braces", HaveSample("hits{}", nil), res, `metric selector "hits{}" has no tags between its curly braces`},
	})
}
