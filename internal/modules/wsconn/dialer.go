package wsconn

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/gorilla/websocket"

	"github.com/wsk6/wstest/internal/vu"
)

// HandshakeTimeout is k6's fixed WebSocket handshake timeout.
const HandshakeTimeout = 60 * time.Second

// ControlWait bounds the writing of a control frame.
const ControlWait = 10 * time.Second

// Config says how NewDialer dials one socket.
type Config struct {
	// Settings are the VU's: Dial, Proxy and TLS are used.
	Settings *vu.Settings
	// From is the source address to dial from (the VU's SourceIP; nil:
	// the system chooses).
	From net.IP
	// Host is the URL's host name, the TLS server name by default.
	Host string
	// Wrap, when set, replaces each raw connection (before TLS) with the
	// one it returns: byte counting, non-blocking writes.
	Wrap func(net.Conn) net.Conn
	// Compression asks for permessage-deflate.
	Compression bool
	// Subprotocols are offered in Sec-WebSocket-Protocol.
	Subprotocols []string
	// Jar supplies the handshake's cookies and keeps the answer's.
	Jar http.CookieJar
}

// errNoHost fails the dial of a URL without a host, with gorilla's text
// for a malformed URL.
var errNoHost = errors.New("malformed ws or wss URL")

// NewDialer builds the gorilla dialer for c: every connection goes through
// Settings.Dial (with useTLS for wss), or through a CONNECT tunnel when
// Settings.Proxy names a proxy, then Wrap, then TLS with a clone of
// Settings.TLS whose ALPN is http/1.1. The proxy sits under TLS, so that
// wss through a proxy talks TLS with the server, not with the proxy.
func NewDialer(c Config) *websocket.Dialer {
	dial := func(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error) {
		if host, _, err := net.SplitHostPort(addr); err != nil || host == "" {
			// "ws://" or "ws://:80": never this machine by accident.
			return nil, errNoHost
		}
		var proxy *url.URL
		if c.Settings.Proxy != nil {
			scheme := "ws"
			if useTLS {
				scheme = "wss"
			}
			var err error
			if proxy, err = c.Settings.Proxy(scheme, addr); err != nil {
				return nil, err
			}
		}
		var conn net.Conn
		var err error
		if proxy != nil {
			conn, err = dialProxy(ctx, c.Settings.Dial, c.From, proxy, addr, c.Settings.TLS)
		} else {
			conn, err = c.Settings.Dial(ctx, network, addr, useTLS, c.From)
		}
		if err != nil {
			return nil, err
		}
		if c.Wrap != nil {
			conn = c.Wrap(conn)
		}
		return conn, nil
	}
	return &websocket.Dialer{
		HandshakeTimeout: HandshakeTimeout,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dial(ctx, network, addr, false)
		},
		NetDialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dial(ctx, network, addr, true)
			if err != nil {
				return nil, err
			}
			cfg := &tls.Config{MinVersion: tls.VersionTLS12}
			if c.Settings.TLS != nil {
				cfg = c.Settings.TLS.Clone()
			}
			if cfg.ServerName == "" {
				cfg.ServerName = c.Host
			}
			cfg.NextProtos = []string{"http/1.1"}
			tc := tls.Client(raw, cfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				_ = raw.Close()
				return nil, err
			}
			return tc, nil
		},
		EnableCompression: c.Compression,
		Subprotocols:      c.Subprotocols,
		Jar:               c.Jar,
	}
}
