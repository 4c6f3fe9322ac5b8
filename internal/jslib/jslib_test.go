package jslib

import (
	"strings"
	"testing"

	"github.com/onsi/gomega"
)

func TestURLs(t *testing.T) {
	g := gomega.NewWithT(t)
	g.Expect(URLs()).To(gomega.Equal([]string{
		"https://jslib.k6.io/k6-utils/1.0.0/index.js",
		"https://jslib.k6.io/k6-utils/1.1.0/index.js",
		"https://jslib.k6.io/k6-utils/1.2.0/index.js",
		"https://jslib.k6.io/k6-utils/1.3.0/index.js",
		"https://jslib.k6.io/k6-utils/1.4.0/index.js",
		"https://jslib.k6.io/k6-utils/1.5.0/index.js",
		"https://jslib.k6.io/k6-utils/1.6.0/index.js",
	}))
}

func TestSource(t *testing.T) {
	tests := []struct {
		name  string
		url   string
		found bool
		has   string
	}{
		{name: "1.0.0", url: "https://jslib.k6.io/k6-utils/1.0.0/index.js", found: true, has: "export function findBetween(content, left, right)"},
		{name: "1.2.0", url: "https://jslib.k6.io/k6-utils/1.2.0/index.js", found: true, has: "export function normalDistributionStages("},
		{name: "1.3.0", url: "https://jslib.k6.io/k6-utils/1.3.0/index.js", found: true, has: "export function parseDuration("},
		{name: "1.4.0", url: "https://jslib.k6.io/k6-utils/1.4.0/index.js", found: true, has: "export function uuidv4(secure = false)"},
		{name: "1.5.0", url: "https://jslib.k6.io/k6-utils/1.5.0/index.js", found: true, has: "export function check(value, sets, tags = {})"},
		{name: "1.6.0", url: "https://jslib.k6.io/k6-utils/1.6.0/index.js", found: true, has: "if (isPromise(value))"},
		{name: "unknown version", url: "https://jslib.k6.io/k6-utils/1.7.0/index.js"},
		{name: "without index.js", url: "https://jslib.k6.io/k6-utils/1.4.0/"},
		{name: "http scheme", url: "http://jslib.k6.io/k6-utils/1.4.0/index.js"},
		{name: "other host", url: "https://example.com/k6-utils/1.4.0/index.js"},
		{name: "dot segments", url: "https://jslib.k6.io/k6-utils/../k6-utils/1.4.0/index.js"},
		{name: "empty", url: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			src, ok := Source(tt.url)
			g.Expect(ok).To(gomega.Equal(tt.found))
			if tt.found {
				g.Expect(src).To(gomega.ContainSubstring(tt.has))
				g.Expect(strings.HasPrefix(src, "// k6-utils "+tt.name)).To(gomega.BeTrue())
			} else {
				g.Expect(src).To(gomega.BeEmpty())
			}
		})
	}
}
