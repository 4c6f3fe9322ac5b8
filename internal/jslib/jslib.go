package jslib

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// baseURL is the host every served module lives under.
const baseURL = "https://jslib.k6.io/"

// files holds the module sources, laid out as lib/<path under baseURL>.
//
//go:embed lib
var files embed.FS

// Source returns the JavaScript source served for url and true, or "" and
// false when url is not one of URLs. Only exact URLs match: no redirects, no
// version ranges, no missing index.js.
func Source(url string) (string, bool) {
	rest, ok := strings.CutPrefix(url, baseURL)
	if !ok || !strings.HasSuffix(rest, ".js") || !fs.ValidPath(rest) {
		return "", false
	}
	data, err := files.ReadFile(path.Join("lib", rest))
	if err != nil {
		return "", false
	}
	return string(data), true
}

// URLs lists every URL that Source serves, sorted.
func URLs() []string {
	var urls []string
	// The embedded tree is fixed at build time, so walking it cannot fail.
	_ = fs.WalkDir(files, "lib", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
			urls = append(urls, baseURL+strings.TrimPrefix(p, "lib/"))
		}
		return err
	})
	sort.Strings(urls)
	return urls
}
