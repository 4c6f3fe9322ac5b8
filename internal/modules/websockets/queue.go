package websockets

import (
	"sync"

	"github.com/wsk6/wstest/jsloop"
)

// taskQueue hands a socket's work from its goroutines to the loop, in
// order, through one loop reservation at a time: the reservation taken at
// construction is used to schedule a flush, and each flush takes the next
// one until the final task has been queued.
type taskQueue struct {
	loop *jsloop.Loop

	mu        sync.Mutex // guards the fields below
	enqueue   func(func() error)
	tasks     []func() error
	scheduled bool // a flush is queued on the loop
	finished  bool // the final task was queued; later tasks are dropped
}

// newTaskQueue reserves the loop; call it on the loop goroutine.
func newTaskQueue(loop *jsloop.Loop) *taskQueue {
	return &taskQueue{loop: loop, enqueue: loop.RegisterCallback()}
}

// push queues f to run on the loop. Safe from any goroutine.
func (q *taskQueue) push(f func() error) { q.add(f, false) }

// final queues f as the last task: once it is taken, the queue holds no
// reservation any more. Safe from any goroutine.
func (q *taskQueue) final(f func() error) { q.add(f, true) }

func (q *taskQueue) add(f func() error, last bool) {
	q.mu.Lock()
	if q.finished {
		q.mu.Unlock()
		return
	}
	q.tasks = append(q.tasks, f)
	q.finished = last
	if q.scheduled {
		q.mu.Unlock()
		return
	}
	q.scheduled = true
	enqueue := q.enqueue
	q.enqueue = nil
	q.mu.Unlock()
	enqueue(q.flush)
}

// flush runs on the loop: it takes the queued tasks, re-reserves the loop
// unless the final task is among them, and runs them in order. A task's
// error ends the batch (the loop then ends the iteration).
func (q *taskQueue) flush() error {
	q.mu.Lock()
	tasks := q.tasks
	q.tasks = nil
	if !q.finished {
		q.enqueue = q.loop.RegisterCallback()
	}
	q.scheduled = false
	q.mu.Unlock()
	for _, t := range tasks {
		if err := t(); err != nil {
			return err
		}
	}
	return nil
}
