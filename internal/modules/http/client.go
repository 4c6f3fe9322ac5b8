package http

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/vu"
)

// client is the VU's HTTP transport: every connection goes through the
// VU's Dial (hosts, fixture hosts, in-memory handlers), is counted for
// data_sent / data_received, and stays open for reuse across iterations
// until the VU closes.
type client struct {
	transport *http.Transport
}

func newClient(v *vu.VU) *client {
	s := v.Settings
	counter := v.ByteCounter()
	dial := func(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error) {
		c, err := v.Dial(ctx, network, addr, useTLS)
		if err != nil {
			return nil, err
		}
		return &metrics.CountingConn{Conn: c, Counter: counter}, nil
	}
	tlsConfig := func() *tls.Config {
		if s.TLS != nil {
			return s.TLS.Clone()
		}
		return &tls.Config{MinVersion: tls.VersionTLS12}
	}
	t := &http.Transport{
		// The run's proxy rule: HTTP(S)_PROXY and NO_PROXY, never for
		// loopback or the hosts the run routes itself (--fixture-host).
		Proxy: func(req *http.Request) (*url.URL, error) {
			if s.Proxy == nil {
				return nil, nil
			}
			return s.Proxy(req.URL.Scheme, hostPort(req.URL))
		},

		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dial(ctx, network, addr, false)
		},
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dial(ctx, network, addr, true)
			if err != nil {
				return nil, err
			}
			cfg := tlsConfig()
			if cfg.ServerName == "" {
				host, _, _ := net.SplitHostPort(addr)
				cfg.ServerName = host
			}
			cfg.NextProtos = []string{"h2", "http/1.1"}
			tc := tls.Client(raw, cfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				_ = raw.Close()
				return nil, err
			}
			return tc, nil
		},
		TLSClientConfig:     tlsConfig(),
		ForceAttemptHTTP2:   true,
		DisableCompression:  true,
		DisableKeepAlives:   s.HTTP.NoConnectionReuse,
		MaxIdleConnsPerHost: 100,
		IdleConnTimeout:     90 * time.Second,
	}
	return &client{transport: t}
}

func (c *client) close() { c.transport.CloseIdleConnections() }

// hop is one round trip of a request: a redirect hop, a digest challenge
// or the final response, with its timings.
type hop struct {
	method, url   string
	status        int
	proto, tlsVer string
	err           error
	end           time.Time
	// timings, ms
	blocked, connecting, tlsHandshaking, sending, waiting, receiving float64
	remote                                                           string
}

// tracer times one round trip with httptrace.
type tracer struct {
	mu                          sync.Mutex
	start, gotConn, connStart   time.Time
	connDone, tlsStart, tlsDone time.Time
	wrote, firstByte            time.Time
	remote                      string
}

func ms(d time.Duration) float64 {
	if d < 0 {
		return 0
	}
	return float64(d) / float64(time.Millisecond)
}

func (t *tracer) trace() *httptrace.ClientTrace {
	now := func(p *time.Time) { t.mu.Lock(); *p = time.Now(); t.mu.Unlock() }
	return &httptrace.ClientTrace{
		ConnectStart: func(string, string) {
			t.mu.Lock()
			if t.connStart.IsZero() {
				t.connStart = time.Now()
			}
			t.mu.Unlock()
		},
		ConnectDone:       func(string, string, error) { now(&t.connDone) },
		TLSHandshakeStart: func() { now(&t.tlsStart) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { now(&t.tlsDone) },
		GotConn: func(i httptrace.GotConnInfo) {
			t.mu.Lock()
			t.gotConn = time.Now()
			t.remote = i.Conn.RemoteAddr().String()
			t.mu.Unlock()
		},
		WroteRequest:         func(httptrace.WroteRequestInfo) { now(&t.wrote) },
		GotFirstResponseByte: func() { now(&t.firstByte) },
	}
}

// finish turns the trace into a hop that ended at end.
func (t *tracer) finish(h *hop, end time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	h.end = end
	h.remote = t.remote
	got := t.gotConn
	if got.IsZero() {
		got = end
	}
	if !t.connStart.IsZero() {
		h.blocked = ms(t.connStart.Sub(t.start))
		if !t.connDone.IsZero() {
			h.connecting = ms(t.connDone.Sub(t.connStart))
		}
	} else {
		h.blocked = ms(got.Sub(t.start))
	}
	if !t.tlsStart.IsZero() && !t.tlsDone.IsZero() {
		h.tlsHandshaking = ms(t.tlsDone.Sub(t.tlsStart))
	}
	wrote := t.wrote
	if wrote.IsZero() {
		wrote = end
	}
	if !t.gotConn.IsZero() {
		h.sending = ms(wrote.Sub(got))
	}
	first := t.firstByte
	if first.IsZero() {
		first = end
	}
	if !t.wrote.IsZero() {
		h.waiting = ms(first.Sub(wrote))
	}
	if !t.firstByte.IsZero() {
		h.receiving = ms(end.Sub(first))
	}
}

// roundTripper records a hop for every round trip of one request.
type roundTripper struct {
	base http.RoundTripper
	mu   sync.Mutex
	hops []*hop
}

func (rt *roundTripper) add(h *hop) {
	rt.mu.Lock()
	rt.hops = append(rt.hops, h)
	rt.mu.Unlock()
}

// RoundTrip implements http.RoundTripper.
func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	tr := &tracer{start: time.Now()}
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), tr.trace()))
	h := &hop{method: req.Method, url: req.URL.String()}
	resp, err := rt.base.RoundTrip(req)
	if err != nil {
		h.err = err
		tr.finish(h, time.Now())
		rt.add(h)
		return nil, err
	}
	h.status, h.proto = resp.StatusCode, resp.Proto
	if resp.TLS != nil {
		h.tlsVer = tlsVersion(resp.TLS.Version)
	}
	resp.Body = &tracedBody{ReadCloser: resp.Body, done: func(err error) {
		if err != nil && err != io.EOF {
			h.err = err
		}
		tr.finish(h, time.Now())
		rt.add(h)
	}}
	return resp, nil
}

// tracedBody calls done once, at the end of the body or at its close.
type tracedBody struct {
	io.ReadCloser
	once sync.Once
	done func(error)
}

func (b *tracedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.once.Do(func() { b.done(err) })
	}
	return n, err
}

func (b *tracedBody) Close() error {
	b.once.Do(func() { b.done(nil) })
	return b.ReadCloser.Close()
}

func tlsVersion(v uint16) string {
	switch v {
	case tls.VersionTLS10:
		return "tls1.0"
	case tls.VersionTLS11:
		return "tls1.1"
	case tls.VersionTLS12:
		return "tls1.2"
	case tls.VersionTLS13:
		return "tls1.3"
	}
	return ""
}

// hostPort is u's host with its port, the scheme's default when it has none.
func hostPort(u *url.URL) string {
	if port := u.Port(); port != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}
