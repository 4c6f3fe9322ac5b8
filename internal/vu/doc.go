// Package vu holds what the JavaScript modules of one virtual user share: its
// runtime and event loop, the run-wide settings, the metrics it pushes and
// the per-iteration state.
//
// Use New to make a VU for a runtime, SetIteration/EndIteration around each
// iteration, and the accessors from module code (always on the loop goroutine
// unless a method says otherwise).
package vu
