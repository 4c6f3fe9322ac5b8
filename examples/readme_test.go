package examples_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// readmePath matches the paths of the repository that the README names.
var readmePath = regexp.MustCompile("(?:examples|wstest|matchers|wsginkgo|fixtures|cmd|internal|jsloop|testdata)/[\\w./-]*|\\b[\\w-]+\\.(?:md|go)\\b")

// TestReadmeNamesFilesThatExist checks every path the README names: from
// the root of the module, or for testdata/, from one of the quick starts'
// packages, where the README's test functions live.
func TestReadmeNamesFilesThatExist(t *testing.T) {
	g := NewWithT(t)
	readme, err := os.ReadFile("../README.md")
	g.Expect(err).NotTo(HaveOccurred())
	roots := []string{"..", "quickstart", "ownhandler"}
	// Import paths name packages, not files.
	text := regexp.MustCompile(`github\.com/[\w./-]+`).ReplaceAllString(string(readme), "")
	paths := readmePath.FindAllString(text, -1)
	g.Expect(paths).To(ContainElements("examples/quickstart/testdata/chat.js", "testdata/chat.js", "testdata/shout.js"))
	for _, p := range paths {
		p = strings.TrimRight(p, ".")
		found := false
		for _, root := range roots {
			if _, err := os.Stat(filepath.Join(root, p)); err == nil {
				found = true
				break
			}
		}
		g.Expect(found).To(BeTrue(), "the README names %s, which does not exist", p)
	}
}

// TestReadmeQuickStartsAreTheTestedCode checks that the README's quick
// start code is that of the packages that run it.
func TestReadmeQuickStartsAreTheTestedCode(t *testing.T) {
	g := NewWithT(t)
	readme, err := os.ReadFile("../README.md")
	g.Expect(err).NotTo(HaveOccurred())
	blocks := regexp.MustCompile("(?s)```(?:go|js)\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	files := map[string]string{
		"func TestChat(":                      "quickstart/chat_test.go",
		"func TestShout(":                     "ownhandler/shout_test.go",
		"new WebSocket(`${__ENV.URL}/shout`)": "ownhandler/testdata/shout.js",
	}
	for marker, file := range files {
		src, err := os.ReadFile(file)
		g.Expect(err).NotTo(HaveOccurred())
		var block string
		for _, b := range blocks {
			if strings.Contains(b[1], marker) {
				block = b[1]
			}
		}
		g.Expect(block).NotTo(BeEmpty(), "no README code block has %q", marker)
		if i := strings.Index(block, "func "); i > 0 && strings.HasSuffix(file, ".go") {
			block = block[i:] // the imports are shown, the package clause is not
		}
		g.Expect(string(src)).To(ContainSubstring(block), "the README's code for %s", file)
	}
}
