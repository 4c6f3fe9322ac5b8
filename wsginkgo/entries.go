package wsginkgo

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/onsi/ginkgo/v2"
)

// Entries returns one DescribeTable entry per file in dir whose name
// matches pattern (filepath.Match syntax, such as "*.js"), in name order.
// Each entry is described by the file's name and passes the file's path
// (dir joined with the name) as the first parameter of the table's body,
// then args. Ginkgo decorators among args, such as SpecTimeout or Label,
// apply to every entry.
//
//	DescribeTable("examples", func(path string) { ... }, wsginkgo.Entries("examples", "*.js"))
//
// Each entry's code location is the caller's (Entries is a GinkgoHelper),
// so a failing entry points at the user's DescribeTable, not at this
// package.
//
// It panics when the pattern is malformed or matches no file, so that a
// wrong folder fails the suite at once instead of running no specs.
func Entries(dir, pattern string, args ...any) []ginkgo.TableEntry {
	ginkgo.GinkgoHelper()
	paths, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		panic(fmt.Sprintf("wsginkgo: bad pattern %q: %v", pattern, err))
	}
	if len(paths) == 0 {
		panic(fmt.Sprintf("wsginkgo: no file in %s matches %q", dir, pattern))
	}
	sort.Strings(paths)
	entries := make([]ginkgo.TableEntry, 0, len(paths))
	for _, p := range paths {
		params := append([]any{p}, args...)
		entries = append(entries, ginkgo.Entry(filepath.Base(p), params...))
	}
	return entries
}
