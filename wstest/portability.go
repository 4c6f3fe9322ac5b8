package wstest

import "github.com/wsk6/wstest/internal/vu"

// WithK6Strict makes the portability guard strict: a script that relies on
// a behaviour only wstest has (removeEventListener, the closeTimeout
// param, send() of a Blob, instanceof Blob on received data, the
// WebSocket readyState constants, the k6/experimental/timers and
// k6/x/websockets imports) throws at that place instead of being warned
// about once, so the iteration (or init) fails with the script's
// file:line:col and what k6 does instead. A run that passes in strict mode
// runs on k6 unchanged as far as those behaviours go.
func WithK6Strict() Option {
	return func(c *config) { c.k6Strict = true }
}

// GuardedBehaviour is one behaviour the portability guard watches.
type GuardedBehaviour struct {
	// ID names it ("removeEventListener", "closeTimeout", ...).
	ID string
	// What is what the script does; K6 is what k6 does instead.
	What, K6 string
}

// GuardedBehaviours lists what the portability guard watches.
func GuardedBehaviours() []GuardedBehaviour {
	var out []GuardedBehaviour
	for _, b := range vu.Behaviours() {
		out = append(out, GuardedBehaviour{ID: string(b.ID), What: b.What, K6: b.K6})
	}
	return out
}

// newGuard makes the run's guard; its warnings are run-level log lines.
func (r *runner) newGuard() *vu.Guard {
	return vu.NewGuard(r.cfg.k6Strict, func(msg string) { r.rec.Log(0, vu.LevelWarn, msg) })
}
