package options

import (
	"fmt"
	"math/big"
	"strings"
)

// segment is an execution segment: the share (from, to] of a test that one
// k6 instance runs when a test is split between several (k6-operator,
// `k6 run --execution-segment 1/3:2/3`).
type segment struct{ from, to *big.Rat }

// full reports whether the segment is the whole test, 0:1.
func (s segment) full() bool { return s.from.Sign() == 0 && s.to.Cmp(big.NewRat(1, 1)) == 0 }

// String is k6's form: "0:1", "1/3:2/3".
func (s segment) String() string { return s.from.RatString() + ":" + s.to.RatString() }

// ratOf reads a percentage ("10%"), a decimal ("0.2") or a fraction
// ("1/3"), with k6's error texts.
func ratOf(s string) (*big.Rat, error) {
	if pct, ok := strings.CutSuffix(s, "%"); ok {
		n, ok := new(big.Int).SetString(pct, 10)
		if !ok {
			return nil, fmt.Errorf("'%s' is not a valid percentage", s)
		}
		return new(big.Rat).SetFrac(n, big.NewInt(100)), nil
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, fmt.Errorf("'%s' is not a valid percentage, decimal, fraction or interval value", s)
	}
	return r, nil
}

// newSegment checks 0 <= from < to <= 1, with k6's texts.
func newSegment(from, to *big.Rat) (segment, error) {
	switch {
	case from.Sign() < 0:
		return segment{}, fmt.Errorf("segment start value must be at least 0 but was %s", from.FloatString(2))
	case from.Cmp(to) >= 0:
		return segment{}, fmt.Errorf("segment start(%s) must be less than its end(%s)", from.FloatString(2), to.FloatString(2))
	case to.Cmp(big.NewRat(1, 1)) > 0:
		return segment{}, fmt.Errorf("segment end value can't be more than 1 but was %s", to.FloatString(2))
	}
	return segment{from: from, to: to}, nil
}

// parseSegment reads an execution segment as k6 does: "FROM:TO" with each
// end a percentage, decimal or fraction ("0:1/3", "1/3:2/3", "0.2:2/3"),
// or only its end ("10%" is 0:10%); "" is the whole test.
func parseSegment(text string) (segment, error) {
	from, toText := new(big.Rat), text
	if toText == "" {
		toText = "1"
	}
	if f, t, ok := strings.Cut(toText, ":"); ok {
		r, err := ratOf(f)
		if err != nil {
			return segment{}, err
		}
		from, toText = r, t
	}
	to, err := ratOf(toText)
	if err != nil {
		return segment{}, err
	}
	return newSegment(from, to)
}

// parseSegmentSequence reads an execution segment sequence as k6 does:
// at least two points, comma separated ("0,1/3,2/3,1"), each segment's
// end the next one's start; "" is no sequence.
func parseSegmentSequence(text string) ([]segment, error) {
	if text == "" {
		return nil, nil
	}
	points := strings.Split(text, ",")
	if len(points) < 2 {
		return nil, fmt.Errorf("at least 2 points are needed for an execution segment sequence, %d given", len(points))
	}
	var seq []segment
	start, err := ratOf(points[0])
	if err != nil {
		return nil, err
	}
	for _, p := range points[1:] {
		end, err := ratOf(p)
		if err != nil {
			return nil, err
		}
		s, err := newSegment(start, end)
		if err != nil {
			return nil, err
		}
		seq, start = append(seq, s), end
	}
	return seq, nil
}

// segmentProblems checks executionSegment and executionSegmentSequence:
// k6's syntax and its rule that the segment is one of the sequence's,
// then that the segment is the whole test, which is all wstest runs.
func (o *Options) segmentProblems() []string {
	if o.ExecutionSegment == nil && o.ExecutionSegmentSequence == nil {
		return nil
	}
	var segText, seqText string
	if o.ExecutionSegment != nil {
		segText = *o.ExecutionSegment
	}
	if o.ExecutionSegmentSequence != nil {
		seqText = *o.ExecutionSegmentSequence
	}
	seg, err := parseSegment(segText)
	if err != nil {
		return []string{fmt.Sprintf("executionSegment: %s", err)}
	}
	seq, err := parseSegmentSequence(seqText)
	if err != nil {
		return []string{fmt.Sprintf("executionSegmentSequence: %s", err)}
	}
	if len(seq) > 0 {
		found := false
		for _, s := range seq {
			found = found || (s.from.Cmp(seg.from) == 0 && s.to.Cmp(seg.to) == 0)
		}
		if !found {
			var names []string
			for i, s := range seq {
				if i == 0 {
					names = append(names, s.from.RatString())
				}
				names = append(names, s.to.RatString())
			}
			return []string{fmt.Sprintf("provided segment %s can't be found in sequence %s", seg, strings.Join(names, ","))}
		}
	}
	if !seg.full() {
		return []string{fmt.Sprintf("execution segment %s is only part of the test: wstest runs the whole test on one machine, "+
			"while segments split a test between several k6 instances (k6-operator, distributed k6); "+
			"run it here without an execution segment (--execution-segment, K6_EXECUTION_SEGMENT, options.executionSegment), "+
			"or with k6 itself to run a share of it", seg)}
	}
	return nil
}

// parseSegmentText checks the syntax of an executionSegment flag or K6_*
// variable and keeps its text.
func parseSegmentText(s string) (any, error) {
	if _, err := parseSegment(s); err != nil {
		return nil, err
	}
	return s, nil
}

// parseSequenceText checks the syntax of an executionSegmentSequence flag
// or K6_* variable and keeps its text.
func parseSequenceText(s string) (any, error) {
	if _, err := parseSegmentSequence(s); err != nil {
		return nil, err
	}
	return s, nil
}
