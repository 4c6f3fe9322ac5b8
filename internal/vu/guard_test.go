package vu_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

func TestGuardWarnsOnceThenStaysQuiet(t *testing.T) {
	var mu sync.Mutex
	var got []string
	g := vu.NewGuard(false, func(msg string) { mu.Lock(); got = append(got, msg); mu.Unlock() })
	var wg sync.WaitGroup
	for range 8 { // from several VUs at once
		wg.Go(func() {
			if err := g.Use(vu.RemoveEventListener, "a.js:3:7"); err != nil {
				t.Errorf("warning mode returned %v", err)
			}
		})
	}
	wg.Wait()
	_ = g.Use(vu.CloseTimeout, "")
	if len(got) != 2 || !strings.Contains(got[0], "removeEventListener() at a.js:3:7") ||
		strings.Contains(got[1], " at ") || !strings.Contains(got[1], "closeTimeout") {
		t.Errorf("warnings %q, want one per behaviour with its position", got)
	}
}

func TestGuardStrictReturnsAnErrorOnEveryUse(t *testing.T) {
	g := vu.NewGuard(true, func(msg string) { t.Errorf("strict mode warned: %s", msg) })
	for range 2 {
		var se *vu.StrictError
		if err := g.Use(vu.SendBlob, "a.js:1:1"); !errors.As(err, &se) || se.Behaviour.ID != vu.SendBlob ||
			!strings.HasPrefix(err.Error(), "k6-strict: WebSocket send() with a Blob is wstest's own; k6") {
			t.Errorf("got %v", err)
		}
	}
	var none *vu.Guard
	if none.Use(vu.SendBlob, "") != nil || none.Strict() || !g.Strict() {
		t.Error("a nil guard guards nothing")
	}
}

func TestGuardUseInThrowsAtTheScriptPosition(t *testing.T) {
	rt := goja.New()
	g := vu.NewGuard(true, nil)
	_ = rt.Set("guarded", func() { g.UseIn(rt, vu.ReadyStateConstants) })
	_, err := rt.RunScript("s.js", "\n  guarded();")
	var ex *goja.Exception
	if !errors.As(err, &ex) || !strings.Contains(ex.Error(), "k6-strict") || !strings.Contains(ex.String(), "s.js:2:") {
		t.Errorf("got %v", err)
	}
	if pos := vu.ScriptPosition(rt); pos != "" {
		t.Errorf("position outside any script: %q", pos)
	}
}

func TestEveryBehaviourIsInTheTable(t *testing.T) {
	seen := map[vu.Behaviour]bool{}
	for _, b := range vu.Behaviours() {
		if seen[b.ID] || b.What == "" || b.K6 == "" {
			t.Errorf("row %+v: duplicate or incomplete", b)
		}
		seen[b.ID] = true
	}
	for _, id := range []vu.Behaviour{vu.RemoveEventListener, vu.CloseTimeout, vu.SendBlob, vu.ReceivedBlob,
		vu.ReadyStateConstants, vu.ExperimentalTimers, vu.XWebsockets} {
		if !seen[id] {
			t.Errorf("%s is not in the table", id)
		}
	}
}
