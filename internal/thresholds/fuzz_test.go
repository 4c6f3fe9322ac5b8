package thresholds

import (
	"math"
	"strings"
	"testing"
)

// FuzzParseSelector: the parser never panics, and a selector whose tags
// the grammar can write (no commas, no spaces or quotes at their ends, no
// colon in a key) renders to text that parses back to the same selector.
func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{
		"ws_sessions", "ws_sessions{subproto:}", "checks{check:open}", "conf{name:http://x/a/${}}",
		"x{a:b,c:d}", "x{}", "x{a:b,}", "{a:b}", "x{:v}", "x{a:'q'}", "x{a:\"q\"}", "x}", "x{a:b", "x{{a:b}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sel, err := ParseSelector(s)
		if err != nil || !writable(sel) {
			return
		}
		again, err := ParseSelector(sel.String())
		if err != nil {
			t.Fatalf("%q parsed to %q, which does not parse: %v", s, sel.String(), err)
		}
		if again.String() != sel.String() {
			t.Fatalf("%q: %q parses back to %q", s, sel.String(), again.String())
		}
	})
}

// FuzzParseExpression: the parser never panics, and what it accepts has
// one of k6's operators. (A NaN bound is accepted, as k6's ParseFloat does:
// such a threshold never holds.)
func FuzzParseExpression(f *testing.F) {
	for _, s := range []string{
		"p(95)<200", "avg<=1", "rate>0.9", "count==3", "count===3", "value!=0", "p(NaN)<1", "p(99.9) < 1e3",
		"med>", "<1", "p(95)<abc", "max>=-1", "p(-1)<1", "p(101)<1", "rate<NaN", "rate<Inf",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseExpression(s)
		if err != nil {
			return
		}
		switch e.Op {
		case "<", "<=", ">", ">=", "==", "!=":
		default:
			t.Fatalf("%q accepted with operator %q", s, e.Op)
		}
		if math.IsNaN(e.Value) && e.Holds(1) && e.Op != "!=" {
			t.Fatalf("%q: a NaN bound holds", s)
		}
	})
}

// writable reports whether the selector grammar can write every tag of sel.
func writable(sel Selector) bool {
	plain := func(x string) bool {
		return !strings.ContainsAny(x, ",{}") && x == strings.Trim(strings.TrimSpace(x), `"'`)
	}
	if strings.ContainsAny(sel.Metric, "{}") {
		return false
	}
	for k, v := range sel.Tags {
		if !plain(k) || strings.Contains(k, ":") || !plain(v) {
			return false
		}
	}
	return true
}
