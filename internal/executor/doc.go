// Package executor schedules the iterations of one scenario, as k6's
// executors do: shared-iterations, per-vu-iterations, constant-vus,
// ramping-vus (with gracefulRampDown), constant-arrival-rate and
// ramping-arrival-rate (a pool of VUs; an iteration due when none is free
// is dropped and counted).
//
// It knows nothing of JavaScript: the caller passes an Iterate function
// that runs one iteration on a VU slot, and the executor decides when and
// how often to call it. The executor owns the schedule: the scenario's
// startTime, the soft end after which no iteration starts (duration,
// maxDuration, the end of the stages), the hard end gracefulStop later,
// which cancels the context an iteration runs under, minIterationDuration
// pacing, and the scenario's progress and iteration numbers.
//
// The pure functions (MaxVUs, InitialVUs, TotalDuration, MaxDuration,
// Target, NextActivation, NextDeactivation, RampDownStop, Arrival, Rate,
// MaxRatePerSecond) describe a schedule without running it.
package executor
