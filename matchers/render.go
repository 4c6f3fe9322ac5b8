package matchers

import (
	"fmt"
	"sort"
	"strings"

	"github.com/onsi/gomega/format"
)

// maxListed is how many lines of a list a failure message shows.
const maxListed = 20

// listed renders items one per line, indented, the first maxListed of them,
// then a line telling how many were left out.
func listed(items []string) string {
	if len(items) == 0 {
		return "    (none)\n"
	}
	var b strings.Builder
	for i, it := range items {
		if i == maxListed {
			fmt.Fprintf(&b, "    ... and %d more\n", len(items)-maxListed)
			break
		}
		b.WriteString("    ")
		b.WriteString(it)
		b.WriteByte('\n')
	}
	return b.String()
}

// stringsOf renders a slice of Stringers.
func stringsOf[T fmt.Stringer](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

// indented indents a block of text one level, for an inner matcher's
// message.
func indented(s string) string {
	return format.IndentString(strings.TrimRight(s, "\n"), 1) + "\n"
}

// closest returns up to n of candidates nearest to name by edit distance,
// nearest first, leaving out those too far off to be a typo; a candidate
// that contains name, or that name contains, always counts as near.
func closest(name string, candidates []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	var near []scored
	limit := max(3, len(name)/2)
	for _, c := range candidates {
		d := editDistance(name, c)
		if strings.Contains(c, name) || strings.Contains(name, c) {
			d = min(d, limit)
		}
		if d <= limit {
			near = append(near, scored{c, d})
		}
	}
	sort.SliceStable(near, func(i, j int) bool {
		if near[i].d != near[j].d {
			return near[i].d < near[j].d
		}
		return near[i].s < near[j].s
	})
	out := make([]string, 0, n)
	for i := 0; i < len(near) && i < n; i++ {
		out = append(out, near[i].s)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
