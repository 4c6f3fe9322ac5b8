package wstest

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"sync"
)

// network routes the connections of a run's sockets: k6's hosts option,
// WithRedirect (the embedded fixtures) and WithHandler (in memory).
type network struct {
	redirects map[string]redirect
	hosts     map[string]string
	tls       *tls.Config
	dialer    net.Dialer

	mu       sync.Mutex
	handlers map[string]*memListener
}

func newNetwork(c *config) *network {
	n := &network{redirects: c.redirects, hosts: map[string]string{}, handlers: map[string]*memListener{}}
	for k, v := range c.hosts {
		n.hosts[k] = v
	}
	n.tls = &tls.Config{RootCAs: c.rootCAs, InsecureSkipVerify: c.insecureTLS, MinVersion: tls.VersionTLS12} //nolint:gosec // the user asked for it
	for host, h := range c.handlers {
		n.handlers[host] = newMemListener(h)
	}
	return n
}

// configure applies the script's hosts and insecureSkipTLSVerify options;
// the Go options win.
func (n *network) configure(hosts map[string]string, insecure bool) {
	for k, v := range hosts {
		if _, set := n.hosts[k]; !set {
			n.hosts[k] = v
		}
	}
	n.tls.InsecureSkipVerify = n.tls.InsecureSkipVerify || insecure
}

func (n *network) tlsConfig() *tls.Config { return n.tls }

// dial connects to addr ("host:port") through the routing rules.
func (n *network) dial(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if l, ok := n.handlers[host]; ok {
		return l.dial(ctx)
	}
	if r, ok := n.redirects[host]; ok {
		addr = r.plain
		if useTLS {
			addr = r.tls
		}
	} else if mapped, ok := n.hosts[host]; ok {
		if _, _, err := net.SplitHostPort(mapped); err == nil {
			addr = mapped
		} else {
			addr = net.JoinHostPort(mapped, port)
		}
	}
	return n.dialer.DialContext(ctx, network, addr)
}

func (n *network) close() {
	for _, l := range n.handlers {
		l.shutdown()
	}
}

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
