package main

import (
	"testing"

	. "github.com/onsi/gomega"
)

func TestColorSummaryAsK6OnATerminal(t *testing.T) {
	g := NewWithT(t)
	plain := "\n\n  █ THRESHOLDS \n\n    checks\n    ✗ 'rate>0.9' rate=50.00%\n\n\n  █ TOTAL RESULTS \n\n" +
		"    checks_total.......: 2      1.9/s\n\n    ✗ is one\n      ↳  50% — ✓ 1 / ✗ 1\n\n    EXECUTION\n" +
		"    iteration_duration...: avg=1.2ms min=1ms\n    data_received........: 0 B 0 B/s\n\n"
	g.Expect(colorSummary(plain)).To(Equal("\n\n\x1b[1m  █ THRESHOLDS \x1b[0m\n\n    checks\n" +
		"    \x1b[31m✗\x1b[0m 'rate>0.9' rate=50.00%\n\n\n\x1b[1m  █ TOTAL RESULTS \x1b[0m\n\n" +
		"    checks_total.......: \x1b[36m2\x1b[0m      \x1b[36m1.9/s\x1b[0m\n\n" +
		"    \x1b[31m✗\x1b[0m is one\n      ↳  50% — \x1b[32m✓\x1b[0m 1 / \x1b[31m✗\x1b[0m 1\n\n    EXECUTION\n" +
		"    iteration_duration...: avg=\x1b[36m1.2ms\x1b[0m min=\x1b[36m1ms\x1b[0m\n" +
		"    data_received........: \x1b[36m0\x1b[0m \x1b[36mB\x1b[0m \x1b[36m0\x1b[0m \x1b[36mB/s\x1b[0m\n\n"))
}
