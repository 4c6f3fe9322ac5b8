package main

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestExecutionSegmentOfTheWholeTestRuns(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"0:1", nil, []string{"--execution-segment", "0:1"}, `["0:1",null]`},
		{"100%", nil, []string{"--execution-segment=100%"}, `["100%",null]`},
		{"1 in the sequence 0,1", nil, []string{"--execution-segment", "1", "--execution-segment-sequence", "0,1"}, `["1","0,1"]`},
		{"K6_EXECUTION_SEGMENT", map[string]string{"K6_EXECUTION_SEGMENT": "0:100%"}, nil, `["0:100%",null]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			args := append(append([]string{"run", "-q", "--summary-mode", "disabled", "--log-format", "raw"}, tt.args...), "testdata/segment.js")
			r := wstestCLI(t, tt.env, "", args...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stderr).To(Equal("segment " + tt.want + "\n"))
		})
	}
}

func TestExecutionSegmentOfAPartIsRefused(t *testing.T) {
	const why = "wstest runs the whole test on one machine"
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"1/3:2/3", nil, []string{"--execution-segment", "1/3:2/3"},
			[]string{"execution segment 1/3:2/3 is only part of the test", why, "without an execution segment"}},
		{"10%", nil, []string{"--execution-segment", "10%"}, []string{"execution segment 0:1/10 is only part of the test", why}},
		{"0.2:2/3 in its sequence", nil, []string{"--execution-segment", "0.2:2/3", "--execution-segment-sequence", "0,0.2,2/3,1"},
			[]string{"execution segment 1/5:2/3 is only part of the test", why}},
		{"a sequence without the segment", nil, []string{"--execution-segment-sequence", "0,1/3,2/3,1"},
			[]string{"provided segment 0:1 can't be found in sequence 0,1/3,2/3,1"}},
		{"K6_EXECUTION_SEGMENT", map[string]string{"K6_EXECUTION_SEGMENT": "1/3:2/3"}, nil,
			[]string{"execution segment 1/3:2/3 is only part of the test", why}},
		{"K6_EXECUTION_SEGMENT_SEQUENCE", map[string]string{"K6_EXECUTION_SEGMENT_SEQUENCE": "0,1/2,1"}, nil,
			[]string{"provided segment 0:1 can't be found in sequence 0,1/2,1"}},
		{"bad K6_EXECUTION_SEGMENT", map[string]string{"K6_EXECUTION_SEGMENT": "abc"}, nil,
			[]string{"envconfig.Process: assigning K6_EXECUTION_SEGMENT to executionSegment: 'abc' is not a valid percentage, decimal, fraction or interval value"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			args := append(append([]string{"run", "-q"}, tt.args...), "testdata/segment.js")
			r := wstestCLI(t, tt.env, "", args...)
			g.Expect(r.code).To(Equal(104), r.stderr)
			for _, w := range tt.want {
				g.Expect(r.stderr).To(ContainSubstring(w))
			}
			g.Expect(r.stderr).NotTo(ContainSubstring("segment ["), "the script did not run")
			g.Expect(r.stdout).To(BeEmpty())
		})
	}
}

func TestExecutionSegmentFlagSyntaxIsACommandLineError(t *testing.T) {
	for _, tt := range []struct{ args, want string }{
		{"--execution-segment=abc", `level=error msg="'abc' is not a valid percentage, decimal, fraction or interval value"`},
		{"--execution-segment=x%", `level=error msg="'x%' is not a valid percentage"`},
		{"--execution-segment=2/3:1/3", `level=error msg="segment start(0.67) must be less than its end(0.33)"`},
		{"--execution-segment=0:3/2", `level=error msg="segment end value can't be more than 1 but was 1.50"`},
		{"--execution-segment=-1/2:1", `level=error msg="segment start value must be at least 0 but was -0.50"`},
		{"--execution-segment-sequence=1/2", `level=error msg="at least 2 points are needed for an execution segment sequence, 1 given"`},
		{"--execution-segment-sequence=0,1/2,1/3", `level=error msg="segment start(0.50) must be less than its end(0.33)"`},
	} {
		t.Run(tt.args, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			code, stdout, stderr := wstestRun(t, tt.args, "testdata/segment.js")
			g.Expect(code).To(Equal(255), stderr)
			g.Expect(stderr).To(ContainSubstring(tt.want))
			g.Expect(stdout).To(BeEmpty())
		})
	}
}

func TestExecutionSegmentInTheScriptOptions(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, `export const options = { executionSegment: "0:1/2" };
export default function () {}`, "run", "-q", "-")
	g.Expect(r.code).To(Equal(104), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring("execution segment 0:1/2 is only part of the test"))
}
