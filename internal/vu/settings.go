package vu

import (
	"context"
	"crypto/tls"
	"net"
	"net/url"

	"github.com/wsk6/wstest/internal/metrics"
)

// Settings is what every VU of a run shares. The run builds it once its
// options are known and never changes it afterwards, so any goroutine may
// read it without a lock.
type Settings struct {
	Registry *metrics.Registry
	Builtin  *metrics.Builtins
	// Dial makes the network connections of WebSockets (hosts mapping, fixture
	// redirection and in-memory handlers are applied by it). useTLS says
	// whether the caller will run TLS over the connection (wss).
	Dial func(ctx context.Context, network, addr string, useTLS bool) (net.Conn, error)
	// Proxy returns the proxy for a connection to addr ("host:port") of a
	// URL with scheme (ws, wss, http, https), or nil for a direct one: the
	// HTTP(S)_PROXY and NO_PROXY environment variables as k6 reads them,
	// never for loopback or for the hosts that Dial routes itself. nil:
	// no proxy. Dial the proxy's address with Dial.
	Proxy func(scheme, addr string) (*url.URL, error)
	// TLS is the client TLS configuration (clone it before use).
	TLS *tls.Config
	// UserAgent is the default User-Agent header.
	UserAgent string
	// SystemTags lists the enabled system tags (k6's systemTags option).
	SystemTags map[string]bool
	// Throw makes metric add() errors throw instead of warn (k6's throw option).
	Throw bool
	// NoCookiesReset keeps the VU's cookie jar across iterations.
	NoCookiesReset bool
	// TimeScale shortens sleep() like the loop's timers (1 = real time).
	TimeScale float64
	// Shared holds what the run builds once for all its VUs (SharedArray
	// data). The pointer never changes; the store is safe for concurrent use.
	Shared *SharedStore
	// MaxMessageSize is the largest WebSocket message a socket receives,
	// after permessage-deflate has inflated it (0 = no limit); a larger one
	// fails the connection with close 1009. DefaultMaxMessageSize is the
	// run's default.
	MaxMessageSize int64
	// ReceiveBacklog bounds the received WebSocket data a VU holds before
	// its handlers have run (0 = no bound): while more is waiting, its
	// sockets stop reading. DefaultReceiveBacklog is the run's default.
	ReceiveBacklog int64
}

// DefaultMaxMessageSize is the default of Settings.MaxMessageSize: 256 MiB.
const DefaultMaxMessageSize = 256 << 20

// DefaultReceiveBacklog is the default of Settings.ReceiveBacklog: 64 MiB.
const DefaultReceiveBacklog = 64 << 20
