package bundle

import (
	"fmt"
	"sort"
)

// maxSuggestDistance bounds how far a misspelt specifier may be from the
// module it is taken for.
const maxSuggestDistance = 2

// unknownModule is the error for a specifier nothing serves; it names the
// closest native module, if one is close enough (k6/websocket suggests
// k6/websockets).
func unknownModule(spec string, natives []string) error {
	best, bestDist := "", maxSuggestDistance+1
	sort.Strings(natives)
	for _, name := range natives {
		if d := editDistance(spec, name); d < bestDist {
			best, bestDist = name, d
		}
	}
	if best == "" {
		return fmt.Errorf("unknown module %q", spec)
	}
	return fmt.Errorf("unknown module %q; did you mean %q?", spec, best)
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
