package webapi_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// prelude shows a value as a line, and an exception or a rejection as
// "throw <name>: <message>" (an Error) or "plain <name>: <message>" (a
// plain object, as crypto.subtle rejects).
const prelude = `
function show(v) {
  if (v instanceof ArrayBuffer) return "AB[" + Array.from(new Uint8Array(v)).join(",") + "]";
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return v.constructor.name + "[" + Array.from(v).join(",") + "]";
  if (typeof v === "string") return JSON.stringify(v);
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}
function fail(e) {
  if (e === null || typeof e !== "object") return "throw " + String(e);
  return (e instanceof Error ? "throw " : "plain ") + e.name + ": " + e.message;
}
async function r(f) { try { return show(await f()); } catch (e) { return fail(e); } }
`

// evalCase is one expression and the line it must show.
type evalCase struct {
	name, expr, want string
}

// runScript runs init code and an async default function body through
// modulestest and returns the logged lines without their level.
func runScript(t *testing.T, init, body string) []string {
	t.Helper()
	v := modulestest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	src := prelude + init + "\nexport default async function () {\n" + body + "\n}\n"
	if err := v.Run(ctx, src); err != nil {
		t.Fatalf("run: %v", err)
	}
	var out []string
	for _, l := range v.Logs() {
		out = append(out, strings.TrimPrefix(l, "info: "))
	}
	return out
}

// runCases evaluates each case in the default function of its own VU.
func runCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := runScript(t, "", "console.log(await r(() => "+c.expr+"));")
			want := strings.ReplaceAll(c.want, `\ufffd`, "\uFFFD")
			if len(got) != 1 || got[0] != want {
				t.Fatalf("%s\n got: %q\nwant: %q", c.expr, got, want)
			}
		})
	}
}
