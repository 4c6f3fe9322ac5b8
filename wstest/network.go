package wstest

import (
	"context"
	"crypto/tls"
	"net"
	"net/url"
	"sync"

	"golang.org/x/net/http/httpproxy"

	"github.com/wsk6/wstest/internal/options"
)

// network routes the connections of a run's sockets: k6's hosts option,
// WithRedirect (the embedded fixtures) and WithHandler (in memory), and
// says which connections go through a proxy.
type network struct {
	redirects map[string]redirect
	hosts     map[string]string
	tls       *tls.Config
	dialer    net.Dialer
	proxyFor  func(*url.URL) (*url.URL, error) // the environment's proxy settings
	blocked   blocklist
	dns       *resolver

	mu       sync.Mutex
	handlers map[string]*memListener
}

func newNetwork(c *config) *network {
	n := &network{redirects: c.redirects, hosts: map[string]string{}, handlers: map[string]*memListener{},
		proxyFor: httpproxy.FromEnvironment().ProxyFunc(), dns: newResolver(options.DefaultDNS())}
	for k, v := range c.hosts {
		n.hosts[k] = v
	}
	n.tls = &tls.Config{RootCAs: c.rootCAs, InsecureSkipVerify: c.insecureTLS, MinVersion: tls.VersionTLS12} //nolint:gosec // the user asked for it
	for host, h := range c.handlers {
		n.handlers[host] = newMemListener(h)
	}
	return n
}

// configure applies the script's hosts, insecureSkipTLSVerify and dns
// options (dns nil: k6's default); the Go options win.
func (n *network) configure(hosts map[string]string, insecure bool, dns *options.DNS) {
	if dns != nil {
		n.dns = newResolver(*dns)
	}
	for k, v := range hosts {
		if _, set := n.hosts[k]; !set {
			n.hosts[k] = v
		}
	}
	n.tls.InsecureSkipVerify = n.tls.InsecureSkipVerify || insecure
}

func (n *network) tlsConfig() *tls.Config { return n.tls }

// dial connects to addr ("host:port") through the routing rules, from
// the source address from (nil: the system chooses). It is a vu.DialFunc.
func (n *network) dial(ctx context.Context, network, addr string, useTLS bool, from net.IP) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if err := n.blocked.checkName(host); err != nil {
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
	host, port, err = net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	ip := net.ParseIP(host)
	if ip == nil {
		if ip, err = n.dns.resolve(ctx, host); err != nil {
			return nil, err
		}
	}
	if err := n.blocked.checkIP(ip); err != nil {
		return nil, err
	}
	d := n.dialer
	if from != nil {
		d.LocalAddr = &net.TCPAddr{IP: from}
	}
	return d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
}

// proxy returns the proxy of a connection to addr for a URL of scheme (ws,
// wss, http, https), or nil: HTTP_PROXY for ws and http, HTTPS_PROXY for
// wss and https, unless NO_PROXY names the host (DECISIONS 18). Loopback
// and the hosts the run routes itself (WithHandler, WithRedirect and
// --fixture-host, the hosts option) never go through a proxy.
func (n *network) proxy(scheme, addr string) (*url.URL, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if n.routed(host) {
		return nil, nil
	}
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
		return nil, nil
	}
	switch scheme {
	case "ws":
		scheme = "http"
	case "wss":
		scheme = "https"
	}
	return n.proxyFor(&url.URL{Scheme: scheme, Host: addr})
}

// routed tells whether dial sends host somewhere of its own.
func (n *network) routed(host string) bool {
	if _, ok := n.handlers[host]; ok {
		return true
	}
	if _, ok := n.redirects[host]; ok {
		return true
	}
	_, ok := n.hosts[host]
	return ok
}

func (n *network) close() {
	for _, l := range n.handlers {
		l.shutdown()
	}
}
