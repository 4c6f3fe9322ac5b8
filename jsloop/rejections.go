package jsloop

import (
	"slices"

	"github.com/dop251/goja"
)

// trackRejection is the runtime's promise rejection tracker: goja calls it
// on the loop goroutine when a promise is rejected without a handler, and
// when such a promise gets its first handler.
func (l *Loop) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		l.rejected = append(l.rejected, p)
	case goja.PromiseRejectionHandle:
		for i, q := range l.rejected {
			if q == p {
				l.rejected = slices.Delete(l.rejected, i, i+1)
				return
			}
		}
	}
}

// unhandledRejection returns the first rejection still without a handler
// after a batch, as a *RejectionError, or nil.
func (l *Loop) unhandledRejection() error {
	if len(l.rejected) == 0 {
		return nil
	}
	p := l.rejected[0]
	clear(l.rejected)
	l.rejected = l.rejected[:0]
	return newRejectionError(p.Result())
}
