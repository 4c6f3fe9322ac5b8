package main

import (
	"regexp"
	"strings"
)

// summaryRow is a metric line of the summary: indent, dotted name, then
// its values.
var summaryRow = regexp.MustCompile(`^(\s+\S+?\.+: )(.*)$`)

// summaryValue is one value of a row: "12ms", "3", "50.00%", or
// "avg=1.2ms", where only what follows the key is the value.
var summaryValue = regexp.MustCompile(`\S+`)

// colorSummary colours the end-of-test summary as k6 does on a terminal:
// section titles bold, values cyan, ✓ green and ✗ red.
func colorSummary(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(strings.TrimSpace(l), "█ "):
			l = "\x1b[1m" + l + "\x1b[0m"
		case summaryRow.MatchString(l):
			m := summaryRow.FindStringSubmatch(l)
			l = m[1] + summaryValue.ReplaceAllStringFunc(m[2], func(v string) string {
				key, value, ok := strings.Cut(v, "=")
				if !ok {
					return "\x1b[36m" + v + "\x1b[0m"
				}
				return key + "=\x1b[36m" + value + "\x1b[0m"
			})
		}
		l = strings.ReplaceAll(l, "✓", "\x1b[32m✓\x1b[0m")
		l = strings.ReplaceAll(l, "✗", "\x1b[31m✗\x1b[0m")
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}
