package modulestest

import (
	"context"
	"strings"
	"testing"
	"time"
)

// EvalCase is one expression of an EvalTable: Want is its value as JSON,
// or, when Err is set, the start of the error it throws. It is an alias
// of a plain struct so that tables stay terse: {"name", `expr`, want, err}.
type EvalCase = struct{ Name, Expr, Want, Err string }

// EvalTable evaluates each case's expression after imports, each on a VU
// of its own, as a subtest named after the case.
func EvalTable(t *testing.T, imports string, cases []EvalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := New(t).Eval(ctx, imports, tc.Expr)
			switch {
			case tc.Err != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.Err)):
				t.Fatalf("%s: error %v, want one starting with %q", tc.Expr, err, tc.Err)
			case tc.Err != "":
			case err != nil:
				t.Fatalf("%s: %v", tc.Expr, err)
			case got != tc.Want:
				t.Fatalf("%s = %s, want %s", tc.Expr, got, tc.Want)
			}
		})
	}
}
