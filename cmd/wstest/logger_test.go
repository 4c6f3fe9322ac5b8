package main

import (
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// TestLogLines covers spec/cli.md 5.3: logfmt lines on stderr, time, level,
// msg, then the fields; a value quoted only when it needs it; console.warn
// at level warning; console.debug only with -v; objects as k6 prints them.
func TestLogLines(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-q", "--summary-mode", "disabled", "testdata/console.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(BeEmpty())
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	want := []string{
		`level=info msg=open source=console`,
		`level=info msg="info line" source=console`,
		`level=warning msg="warn line" source=console`,
		`level=error msg="error line" source=console`,
		`level=info msg="{ a: \"b\" }" source=console`,
		`level=info msg="a=b" source=console`,
	}
	g.Expect(lines).To(HaveLen(len(want)), r.stderr)
	for i, l := range lines {
		g.Expect(l).To(MatchRegexp(`^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" `))
		g.Expect(l).To(HaveSuffix(" " + want[i]))
	}

	r = wstestCLI(t, nil, "", "run", "-q", "-v", "--summary-mode", "disabled", "testdata/console.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`level=error msg="error line" source=console` + "\n" +
		`time=`))
	g.Expect(r.stderr).To(MatchRegexp(`level=debug msg="debug line" source=console\n`))
}

// TestLogLinesOnATerminal: logrus's short form, the level's four letters
// in colour, seconds since the start, the message padded to 44 columns.
func TestLogLinesOnATerminal(t *testing.T) {
	g := NewWithT(t)
	r := wstestOnTerminal(t, nil, "run", "-q", "--summary-mode", "disabled", "testdata/console.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	for _, re := range []string{
		`\x1b\[36mINFO\x1b\[0m\[0000\] open {40} \x1b\[36msource\x1b\[0m=console\n`,
		`\x1b\[33mWARN\x1b\[0m\[0000\] warn line {35} \x1b\[33msource\x1b\[0m=console\n`,
		`\x1b\[31mERRO\x1b\[0m\[0000\] error line {34} \x1b\[31msource\x1b\[0m=console\n`,
	} {
		g.Expect(r.stderr).To(MatchRegexp(re))
	}
}
