package main

import (
	"os"
	"path/filepath"
	"testing"

	. "github.com/onsi/gomega"
)

func TestK6StrictFlag(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inIteration := write("constants.js", `import { WebSocket } from "k6/websockets";
export default function () {
  if (WebSocket.OPEN !== 1) throw new Error("no constant");
}
`)
	inInit := write("timers.js", `import { setTimeout } from "k6/experimental/timers";
export default function () {}
`)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"warning in an iteration", []string{inIteration}, 0, "constants.js:3:"},
		{"strict in an iteration", []string{"--k6-strict", inIteration}, 107, "constants.js:3:"},
		{"warning in init", []string{inInit}, 0, "timers.js:1:"},
		{"strict in init", []string{"--k6-strict", inInit}, 107, "timers.js:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			code, _, stderr := wstestRun(t, tt.args...)
			g.Expect(code).To(Equal(tt.code), stderr)
			g.Expect(stderr).To(ContainSubstring(tt.stderr))
			g.Expect(stderr).To(ContainSubstring("k6"))
		})
	}
}
