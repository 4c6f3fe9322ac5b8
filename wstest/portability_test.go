package wstest_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/wsk6/wstest/fixtures"
	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// guardCase is a script that relies on a guarded behaviour twice (the
// warning comes once), with the line of its first use.
type guardCase struct {
	id, src string
	line    int
}

// guardCases has one script per guarded behaviour.
func guardCases() []guardCase {
	return []guardCase{
		{"removeEventListener", `import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL);
  const h = () => {};
  ws.addEventListener("message", h);
  ws.removeEventListener("message", h);
  ws.removeEventListener("message", h);
  ws.onopen = () => ws.close();
}
`, 6},
		{"closeTimeout", `import { WebSocket } from "k6/websockets";
export default function () {
  const a = new WebSocket(__ENV.URL, null, { closeTimeout: "500ms" });
  const b = new WebSocket(__ENV.URL, null, { closeTimeout: 500 });
  a.onopen = () => a.close();
  b.onopen = () => b.close();
}
`, 3},
		{"send-blob", `import { WebSocket, Blob } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL);
  ws.onopen = () => {
    ws.send(new Blob(["one"]));
    ws.send(new Blob(["two"]));
    ws.close();
  };
}
`, 5},
		{"received-blob-instanceof", `import { WebSocket, Blob } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL);
  ws.binaryType = "blob";
  ws.onopen = () => ws.send(new Uint8Array([1, 2, 3]).buffer);
  ws.onmessage = (e) => {
    if (e.data instanceof Blob && e.data instanceof Blob) ws.close();
  };
}
`, 7},
		{"readyState-constants", `import { WebSocket } from "k6/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL);
  ws.onopen = () => {
    if (ws.readyState === WebSocket.OPEN && ws.OPEN === 1) ws.close();
  };
}
`, 5},
		{"k6/experimental/timers", `import { setTimeout } from "k6/experimental/timers";
import { clearTimeout } from "k6/experimental/timers";
export default function () { clearTimeout(setTimeout(() => {}, 1)); }
`, 1},
		{"k6/x/websockets", `import { WebSocket } from "k6/x/websockets";
export default function () {
  const ws = new WebSocket(__ENV.URL);
  ws.onopen = () => ws.close();
}
`, 1},
	}
}

func guardOptions(srv *fixtures.Server, strict bool) []wstest.Option {
	opts := []wstest.Option{wstest.WithEnv("URL", srv.URL+"/echo"), wstest.WithIterations(2)}
	if strict {
		opts = append(opts, wstest.WithK6Strict())
	}
	return opts
}

func TestGuardedBehavioursAreAllTested(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range guardCases() {
		tested[c.id] = true
	}
	for _, b := range wstest.GuardedBehaviours() {
		if !tested[b.ID] {
			t.Errorf("guarded behaviour %s has no test case", b.ID)
		}
		if b.What == "" || b.K6 == "" {
			t.Errorf("guarded behaviour %s does not say what it is and what k6 does", b.ID)
		}
	}
}

func TestGuardWarnsOncePerBehaviour(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()
	for _, c := range guardCases() {
		t.Run(c.id, func(t *testing.T) {
			res := scripttest.Run(t, c.src, guardOptions(srv, false)...)
			if len(res.Errors) != 0 {
				t.Fatalf("errors: %v", res.Errors)
			}
			var warnings []string
			for _, l := range res.Logs {
				if l.Level == "warning" && strings.Contains(l.Message, "only wstest has") {
					warnings = append(warnings, l.Message)
				}
			}
			at := " at test.js:" + strconv.Itoa(c.line) + ":"
			if len(warnings) != 1 || !strings.Contains(warnings[0], at) || !strings.Contains(warnings[0], "--k6-strict") {
				t.Errorf("want one warning with %q, got %q", at, warnings)
			}
			if res.ExitCode() != 0 {
				t.Errorf("exit code %d, want 0 without strict mode", res.ExitCode())
			}
		})
	}
}

func TestGuardStrictModeThrowsWhereTheScriptUsesIt(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()
	for _, c := range guardCases() {
		t.Run(c.id, func(t *testing.T) {
			res, err := scripttest.RunErr(t, c.src, guardOptions(srv, true)...)
			var se *wstest.ScriptError
			switch {
			case c.line == 1: // an import: init fails
				if !errors.As(err, &se) || se.Stage != "init" {
					t.Fatalf("run error %v, want an init ScriptError", err)
				}
			case err != nil:
				t.Fatalf("run: %v", err)
			default:
				if len(res.Errors) != 2 { // one per iteration
					t.Fatalf("errors %v, want the first use of each iteration", res.Errors)
				}
				se = &res.Errors[0]
				if !se.NotPortable || res.ExitCode() != wstest.ExitScriptException {
					t.Errorf("NotPortable %v, exit code %d; want true and 107", se.NotPortable, res.ExitCode())
				}
			}
			if se.File != "test.js" || se.Line != c.line || se.Column == 0 || !strings.Contains(se.Message, "k6-strict:") {
				t.Errorf("error %s:%d:%d %q, want test.js:%d with the k6-strict text", se.File, se.Line, se.Column, se.Message, c.line)
			}
			if wstest.ExitCode(res, err) != wstest.ExitScriptException {
				t.Errorf("exit code %d, want 107", wstest.ExitCode(res, err))
			}
		})
	}
}

func TestGuardIgnoresPortableScripts(t *testing.T) {
	srv := fixtures.NewServer()
	defer srv.Close()
	// The portable forms of the guarded behaviours: k6/timers, a Blob of
	// the script's own (instanceof it and its arrayBuffer sent), readyState
	// compared with a number, the on<event> property set to null.
	res := scripttest.Run(t, `import { WebSocket, Blob } from "k6/websockets";
import { setTimeout } from "k6/timers";
export default async function () {
  const own = new Blob(["x"]);
  if (!(own instanceof Blob)) throw new Error("own blob");
  const bytes = await own.arrayBuffer();
  const ws = new WebSocket(__ENV.URL);
  ws.binaryType = "arraybuffer";
  ws.onopen = () => { if (ws.readyState === 1) ws.send(bytes); };
  ws.onmessage = () => { ws.onmessage = null; setTimeout(() => ws.close(), 1); };
}
`, guardOptions(srv, true)...)
	if len(res.Errors) != 0 || res.ExitCode() != 0 {
		t.Errorf("errors %v, exit code %d", res.Errors, res.ExitCode())
	}
	for _, l := range res.Logs {
		if strings.Contains(l.Message, "only wstest has") {
			t.Errorf("warning for a portable script: %s", l.Message)
		}
	}
}
