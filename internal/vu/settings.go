package vu

import (
	"context"
	"crypto/tls"
	"net"
	"net/url"

	"golang.org/x/time/rate"

	"github.com/wsk6/wstest/internal/metrics"
)

// DialFunc makes a network connection to addr ("host:port") through the
// run's routing (hosts, DNS, blocklists, fixture redirection, in-memory
// handlers). useTLS says whether the caller will run TLS over it (wss,
// https); from is the source address to bind (nil: the system chooses).
type DialFunc func(ctx context.Context, network, addr string, useTLS bool, from net.IP) (net.Conn, error)

// Settings is what every VU of a run shares. The run builds it once its
// options are known and never changes it afterwards, so any goroutine may
// read it without a lock.
type Settings struct {
	Registry *metrics.Registry
	Builtin  *metrics.Builtins
	// Dial makes the network connections of WebSockets and k6/http; a VU
	// passes its SourceIP.
	Dial DialFunc
	// LocalIP returns the source address of VU vuID's connections (k6's
	// localIPs), or nil to let the system choose; nil: always the system.
	LocalIP func(vuID int64) net.IP
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
	// Guard is the run's portability guard: modules call it when a script
	// relies on a behaviour only wstest has. Nil guards nothing.
	Guard *Guard
	// MaxMessageSize is the largest WebSocket message a socket receives,
	// after permessage-deflate has inflated it (0 = no limit); a larger one
	// fails the connection with close 1009. DefaultMaxMessageSize is the
	// run's default.
	MaxMessageSize int64
	// ReceiveBacklog bounds the received WebSocket data a VU holds before
	// its handlers have run (0 = no bound): while more is waiting, its
	// sockets stop reading. DefaultReceiveBacklog is the run's default.
	ReceiveBacklog int64
	// HTTP tunes k6/http.
	HTTP HTTPSettings
}

// HTTPSettings are k6's options for k6/http. The zero value means k6's
// defaults (see the accessors).
type HTTPSettings struct {
	// MaxRedirects is the maxRedirects option; nil when no layer set it.
	MaxRedirects *int64
	// DiscardResponseBodies makes responseType "none" the default.
	DiscardResponseBodies bool
	// Batch and BatchPerHost bound http.batch (nil: 20 and 6).
	Batch, BatchPerHost *int64
	// NoConnectionReuse opens a new connection for every request.
	NoConnectionReuse bool
	// NoVUConnectionReuse drops a VU's connections between iterations.
	NoVUConnectionReuse bool
	// Limiter is the rps option: one limiter that every VU of the run
	// waits on before each request it sends (nil: no limit).
	Limiter *rate.Limiter
	// Debug is the httpDebug option: "" logs nothing, "full" logs each
	// request and response with its body, any other value without.
	Debug string
}

// BatchLimits returns the batch and batchPerHost limits (0 = no limit).
func (h HTTPSettings) BatchLimits() (batch, perHost int) {
	batch, perHost = 20, 6
	if h.Batch != nil {
		batch = int(*h.Batch)
	}
	if h.BatchPerHost != nil {
		perHost = int(*h.BatchPerHost)
	}
	return batch, perHost
}

// DefaultMaxMessageSize is the default of Settings.MaxMessageSize: 256 MiB.
const DefaultMaxMessageSize = 256 << 20

// DefaultReceiveBacklog is the default of Settings.ReceiveBacklog: 64 MiB.
const DefaultReceiveBacklog = 64 << 20
