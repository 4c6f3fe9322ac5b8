package wsconn

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/wsk6/wstest/internal/vu"
)

// dialProxy opens a tunnel to addr through the proxy at proxy with an
// HTTP CONNECT, as k6 (gorilla) does for ws and wss alike. The proxy is
// reached through dial; an https proxy gets TLS first. The tunnel carries
// the connection's own TLS for wss.
func dialProxy(ctx context.Context, dial vu.DialFunc, from net.IP,
	proxy *url.URL, addr string, tlsCfg *tls.Config,
) (net.Conn, error) {
	proxyAddr := proxy.Host
	if proxy.Port() == "" {
		port := "80"
		if proxy.Scheme == "https" {
			port = "443"
		}
		proxyAddr = net.JoinHostPort(proxy.Hostname(), port)
	}
	conn, err := dial(ctx, "tcp", proxyAddr, proxy.Scheme == "https", from)
	if err != nil {
		return nil, err
	}
	switch proxy.Scheme {
	case "http":
	case "https":
		cfg := &tls.Config{MinVersion: tls.VersionTLS12}
		if tlsCfg != nil {
			cfg = tlsCfg.Clone()
			cfg.NextProtos = nil
		}
		cfg.ServerName = proxy.Hostname()
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = conn.Close()
			return nil, err
		}
		conn = tc
	default:
		_ = conn.Close()
		return nil, fmt.Errorf("proxy: unsupported proxy scheme %q", proxy.Scheme)
	}
	// The CONNECT exchange obeys the dial's context.
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if err := connect(conn, proxy, addr); err != nil {
		_ = conn.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if !stop() {
		_ = conn.Close()
		return nil, ctx.Err()
	}
	return conn, nil
}

// connect asks the proxy on conn for a tunnel to addr.
func connect(conn net.Conn, proxy *url.URL, addr string) error {
	req := &http.Request{
		Method: http.MethodConnect,
		URL:    &url.URL{Opaque: addr},
		Host:   addr,
		Header: http.Header{},
	}
	if u := proxy.User; u != nil {
		pass, _ := u.Password()
		req.Header.Set("Proxy-Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pass)))
	}
	if err := req.Write(conn); err != nil {
		return err
	}
	// The peer says nothing before the client does (ws and TLS both start
	// with the client), so the reader cannot take bytes of the tunnel.
	resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 1024), req)
	if err != nil {
		return fmt.Errorf("proxy: reading the CONNECT answer: %w", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("proxy: CONNECT %s: %s", addr, resp.Status)
	}
	return nil
}
