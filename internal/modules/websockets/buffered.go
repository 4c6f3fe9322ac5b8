package websockets

// sentBytes keeps bufferedAmount: the data bytes given to send() that the
// kernel has not taken yet, as the script sees them. As in k6, a read right
// after send() sees the bytes it added, and they drop in a later task once
// written; the value never changes within a task. Loop goroutine only.
type sentBytes struct {
	total int64 // bufferedAmount as of the last settle

	// Sends the kernel took at once, in turn doneTurn: they drop at the
	// next turn.
	done     int64
	doneTurn uint64

	// Sends that went (partly) to the spill buffer, oldest first: each
	// drops once the spill conn has written its last byte.
	spilled  []spilledSend
	seenTurn uint64 // the turn in which written was read
	written  int64  // the spill conn's written count, read once per turn
}

// spilledSend is a send() that waits in the spill buffer.
type spilledSend struct {
	end  int64  // the spill conn's accepted count after its frame
	size int64  // its data bytes
	turn uint64 // the loop turn that sent it
}

// wrote counts a send() of size data bytes made in turn whose frame ended
// at end in the spill conn's accepted count.
func (b *sentBytes) wrote(size int64, turn uint64, sc *spillConn, end int64) {
	b.settle(turn, sc)
	b.total += size
	if sc.written.Load() >= end {
		b.done += size
		b.doneTurn = turn
		return
	}
	b.spilled = append(b.spilled, spilledSend{end: end, size: size, turn: turn})
}

// lost counts a send() whose frame could not be written: the connection is
// ending, and, as in a browser, bufferedAmount keeps those bytes.
func (b *sentBytes) lost(size int64) { b.total += size }

// amount is bufferedAmount in turn.
func (b *sentBytes) amount(turn uint64, sc *spillConn) int64 {
	b.settle(turn, sc)
	return b.total
}

// settle takes out what was written before turn.
func (b *sentBytes) settle(turn uint64, sc *spillConn) {
	if b.done > 0 && b.doneTurn != turn {
		b.total -= b.done
		b.done = 0
	}
	if len(b.spilled) == 0 {
		return
	}
	if b.seenTurn != turn {
		b.seenTurn, b.written = turn, sc.written.Load()
	}
	i := 0
	for ; i < len(b.spilled) && b.spilled[i].end <= b.written && b.spilled[i].turn != turn; i++ {
		b.total -= b.spilled[i].size
	}
	if i > 0 {
		b.spilled = append(b.spilled[:0], b.spilled[i:]...)
	}
}
