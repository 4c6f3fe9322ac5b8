package websockets

// API CONTRACT (stub by the lead; the implementer replaces this file).

import (
	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/vu"
)

// Module is the websockets module of one VU: one Blob constructor shared by
// every import path.
type Module struct{}

// New makes the module for v (called once per VU, lazily).
func New(v *vu.VU) *Module { panic("unimplemented") }

// Exports returns the exports (WebSocket, Blob) for one import path;
// defaultBinaryType is "blob" for k6/websockets and "" for
// k6/experimental/websockets (spec/DECISIONS.md).
func (m *Module) Exports(defaultBinaryType string) *goja.Object { panic("unimplemented") }
