// Package timers implements "k6/timers": setTimeout, clearTimeout,
// setInterval and clearInterval on the VU's event loop, the same functions
// the script also has as globals.
package timers

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is k6/timers for one VU.
type Module struct{ vu *vu.VU }

// New makes the module for v.
func New(v *vu.VU) *Module { return &Module{vu: v} }

// Exports returns the four timer functions, bound to the VU's loop.
func (m *Module) Exports(string) *goja.Object {
	o := m.vu.Runtime.NewObject()
	m.vu.Loop.SetTimers(o)
	return o
}
