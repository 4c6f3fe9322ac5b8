package wstest

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
)

// memListener serves an http.Handler over in-memory pipes, one per dial.
type memListener struct {
	conns  chan net.Conn
	done   chan struct{}
	once   sync.Once
	server *http.Server
	wg     sync.WaitGroup
}

func newMemListener(h http.Handler) *memListener {
	l := &memListener{conns: make(chan net.Conn), done: make(chan struct{}), server: &http.Server{Handler: h}}
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		_ = l.server.Serve(l)
	}()
	return l
}

func (l *memListener) dial(ctx context.Context) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, errors.New("in-memory handler is closed")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Accept implements net.Listener.
func (l *memListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Close implements net.Listener.
func (l *memListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

// shutdown stops the server and its connections and waits for it.
func (l *memListener) shutdown() {
	_ = l.server.Close()
	_ = l.Close()
	l.wg.Wait()
}

// Addr implements net.Listener.
func (l *memListener) Addr() net.Addr { return memAddr{} }

type memAddr struct{}

func (memAddr) Network() string { return "memory" }
func (memAddr) String() string  { return "memory" }
