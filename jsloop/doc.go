// Package jsloop is the event loop of one virtual user: one goroutine owns a
// goja.Runtime and runs JavaScript macrotasks on it one at a time.
//
// Use New to make a Loop for a runtime, and Loop.Run to execute a first call
// (init code, an iteration) and every task it leads to until nothing is
// queued or reserved.
//
// Use Loop.RegisterCallback from Go code running on the loop to reserve a
// slot for work finished on another goroutine (a network read, a sleep): the
// returned enqueue function hands the result back to the loop, where it may
// touch goja values and resolve promises. A Reservation does the same for a
// holder that reserves again after every task, without allocating.
//
// Use Loop.SetTimers to install setTimeout, setInterval, clearTimeout and
// clearInterval, with k6's semantics, on the global object or a module's
// exports.
//
// Use Loop.Context in Go code that blocks or holds a reservation: it ends
// when Run stops executing tasks, and Loop.Run interrupts running JavaScript
// when the context given to it ends.
//
// # Threading
//
// Only the goroutine calling Run touches goja values. The enqueue functions
// returned by RegisterCallback, and Reservation.Enqueue, are the only ways
// in from other goroutines.
//
// # Ordering
//
// Every task is one top-level call into goja, so the promise jobs it queues
// (microtasks) run before the next task. Unhandled promise rejections are
// checked after each batch of tasks and end Run with a *RejectionError.
package jsloop
