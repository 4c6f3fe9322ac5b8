package wstest

// eventLog stores a run's events in fixed-size chunks, so that a long run
// never copies the events it already has. Guarded by the runner's mu.
type eventLog struct {
	chunks [][]Event
	n      int
}

const eventChunk = 4096

func (l *eventLog) add(e Event) {
	if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == eventChunk {
		l.chunks = append(l.chunks, make([]Event, 0, eventChunk))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, e)
	l.n++
}

// all returns a copy of every event, in order.
func (l *eventLog) all() []Event {
	out := make([]Event, 0, l.n)
	for _, c := range l.chunks {
		out = append(out, c...)
	}
	return out
}
