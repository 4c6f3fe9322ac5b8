package websockets

import (
	"sync"
	"time"

	"github.com/wsk6/wstest/jsloop"
)

// task is one piece of a socket's work for the loop: a received message
// (fn nil), or fn for the rarer kinds. Messages are plain values so that
// the reader queues them without a closure each.
type task struct {
	fn     func() error
	text   string // a text message's data
	data   []byte // a binary message's data
	binary bool
	at     time.Time
}

// taskQueue hands a socket's work from its goroutines to the loop, in
// order, through one loop reservation at a time: the reservation taken at
// construction is used to schedule a flush, and each flush takes the next
// one until the final task has been queued. A flush runs every task queued
// by then, so a burst of messages costs one loop wake-up.
type taskQueue struct {
	loop    *jsloop.Loop
	message func(t *task) error // runs a message task
	flushFn func() error        // q.flush, made once

	res jsloop.Reservation // held from construction until the final task is queued

	mu        sync.Mutex // guards the fields below
	tasks     []task
	scheduled bool // a flush is queued on the loop
	finished  bool // the final task was queued; later tasks are dropped

	spare []task // loop goroutine only: the last batch's storage, reused
}

// newTaskQueue reserves the loop; call it on the loop goroutine. message
// runs the message tasks.
func newTaskQueue(loop *jsloop.Loop, message func(t *task) error) *taskQueue {
	q := &taskQueue{loop: loop, message: message}
	q.flushFn = q.flush
	loop.Reserve(&q.res)
	return q
}

// push queues f to run on the loop. Safe from any goroutine.
func (q *taskQueue) push(f func() error) { q.add(task{fn: f}, false) }

// pushMessage queues a received message. Safe from any goroutine.
func (q *taskQueue) pushMessage(t task) { q.add(t, false) }

// final queues f as the last task: once it is taken, the queue holds no
// reservation any more. Safe from any goroutine.
func (q *taskQueue) final(f func() error) { q.add(task{fn: f}, true) }

func (q *taskQueue) add(t task, last bool) {
	q.mu.Lock()
	if q.finished {
		q.mu.Unlock()
		return
	}
	q.tasks = append(q.tasks, t)
	q.finished = last
	if q.scheduled {
		q.mu.Unlock()
		return
	}
	q.scheduled = true
	q.mu.Unlock()
	q.res.Enqueue(q.flushFn)
}

// flush runs on the loop: it takes the queued tasks, re-reserves the loop
// unless the final task is among them, and runs them in order. A task's
// error ends the batch (the loop then ends the iteration).
func (q *taskQueue) flush() error {
	q.mu.Lock()
	tasks := q.tasks
	q.tasks = q.spare[:0]
	q.spare = nil
	if !q.finished {
		q.loop.Reserve(&q.res)
	}
	q.scheduled = false
	q.mu.Unlock()
	var err error
	for i := range tasks {
		t := &tasks[i]
		if t.fn != nil {
			err = t.fn()
		} else {
			err = q.message(t)
		}
		if err != nil {
			break
		}
	}
	clear(tasks)
	if cap(tasks) <= 1024 { // do not keep a burst's storage
		q.spare = tasks[:0]
	}
	return err
}
