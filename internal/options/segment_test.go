package options_test

import (
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/options"
)

func TestExecutionSegmentsOfTheWholeTestAreValid(t *testing.T) {
	tests := []struct{ name, segment, sequence string }{
		{"empty", "", ""},
		{"0:1", "0:1", ""},
		{"100%", "100%", ""},
		{"1", "1", ""},
		{"decimals", "0.0:1.0", ""},
		{"in the sequence 0,1", "0:1", "0,1"},
		{"sequence 0,1 alone", "", "0,100%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if err := segmentOptions(tt.segment, tt.sequence).Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestExecutionSegmentsAreRefused(t *testing.T) {
	tests := []struct{ name, segment, sequence, want string }{
		{"a third", "1/3:2/3", "", "execution segment 1/3:2/3 is only part of the test"},
		{"a percentage", "10%", "", "execution segment 0:1/10 is only part of the test"},
		{"decimal and fraction", "0.2:2/3", "0,0.2,2/3,1", "execution segment 1/5:2/3 is only part of the test"},
		{"not in the sequence", "", "0,1/3,2/3,1", "provided segment 0:1 can't be found in sequence 0,1/3,2/3,1"},
		{"not a number", "abc", "", "executionSegment: 'abc' is not a valid percentage, decimal, fraction or interval value"},
		{"a bad percentage", "1.5%", "", "executionSegment: '1.5%' is not a valid percentage"},
		{"backwards", "1/2:1/4", "", "executionSegment: segment start(0.50) must be less than its end(0.25)"},
		{"past the end", "0:2", "", "executionSegment: segment end value can't be more than 1 but was 2.00"},
		{"before the start", "-1:1", "", "executionSegment: segment start value must be at least 0 but was -1.00"},
		{"a one-point sequence", "", "1", "executionSegmentSequence: at least 2 points are needed for an execution segment sequence, 1 given"},
		{"a bad point", "", "0,x,1", "executionSegmentSequence: 'x' is not a valid percentage, decimal, fraction or interval value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := segmentOptions(tt.segment, tt.sequence).Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestExecutionSegmentTextIsCheckedAsK6Checks(t *testing.T) {
	if _, err := options.ParseText("executionSegment", "1/3:2/3"); err != nil {
		t.Errorf("a partial segment is valid text (Validate refuses it): %v", err)
	}
	if _, err := options.ParseText("executionSegment", "1/3:x"); err == nil || err.Error() != "'x' is not a valid percentage, decimal, fraction or interval value" {
		t.Errorf("got %v", err)
	}
	if _, err := options.ParseText("executionSegmentSequence", "0"); err == nil {
		t.Error("a one-point sequence was accepted")
	}
}

// segmentOptions sets the segment options that are not "".
func segmentOptions(segment, sequence string) *options.Options {
	o := &options.Options{}
	if segment != "" {
		o.ExecutionSegment = &segment
	}
	if sequence != "" {
		o.ExecutionSegmentSequence = &sequence
	}
	return o
}
