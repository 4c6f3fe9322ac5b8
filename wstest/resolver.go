package wstest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// resolver is k6's dns option: it turns a host name into the one address
// a connection dials, keeping a name's addresses for the TTL, keeping only
// the IP versions the policy allows and picking one as select says.
type resolver struct {
	lookup  func(ctx context.Context, host string) ([]net.IP, error)
	ttl     time.Duration
	forever bool
	selects string
	policy  string

	mu    sync.Mutex
	cache map[string]resolved
	turn  map[string]uint64 // roundRobin: the next address of each name
}

// resolved is a name's addresses after the policy, and when they were looked up.
type resolved struct {
	ips []net.IP
	at  time.Time
}

// newResolver makes the resolver of a dns option (validated), looking
// names up with the system's resolver.
func newResolver(d options.DNS) *resolver {
	d = d.WithDefaults()
	r := &resolver{selects: d.Select, policy: d.Policy, cache: map[string]resolved{}, turn: map[string]uint64{}}
	r.ttl, r.forever = d.CacheFor()
	r.lookup = func(ctx context.Context, host string) ([]net.IP, error) {
		return net.DefaultResolver.LookupIP(ctx, "ip", host)
	}
	return r
}

// resolve returns the address a connection to host dials, or k6's
// "lookup HOST: no such host" when the policy leaves none.
func (r *resolver) resolve(ctx context.Context, host string) (net.IP, error) {
	ips, err := r.addresses(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, fmt.Errorf("lookup %s: no such host", host)
	}
	switch r.selects {
	case options.DNSFirst:
		return ips[0], nil
	case options.DNSRoundRobin:
		r.mu.Lock()
		defer r.mu.Unlock()
		i := r.turn[host]
		r.turn[host] = i + 1
		return ips[i%uint64(len(ips))], nil
	default: // random
		return ips[rand.IntN(len(ips))], nil
	}
}

// addresses returns host's addresses that the policy allows, from the
// cache while they are fresh.
func (r *resolver) addresses(ctx context.Context, host string) ([]net.IP, error) {
	caching := r.forever || r.ttl > 0
	if caching {
		r.mu.Lock()
		c, ok := r.cache[host]
		r.mu.Unlock()
		if ok && (r.forever || time.Since(c.at) < r.ttl) {
			return c.ips, nil
		}
	}
	all, err := r.lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	ips := r.allowed(all)
	if caching {
		r.mu.Lock()
		r.cache[host] = resolved{ips: ips, at: time.Now()}
		r.mu.Unlock()
	}
	return ips, nil
}

// allowed keeps the addresses of the IP versions the policy allows.
func (r *resolver) allowed(ips []net.IP) []net.IP {
	var v4, v6 []net.IP
	for _, ip := range ips {
		if ip.To4() != nil {
			v4 = append(v4, ip)
		} else {
			v6 = append(v6, ip)
		}
	}
	switch r.policy {
	case options.DNSOnlyIPv4:
		return v4
	case options.DNSOnlyIPv6:
		return v6
	case options.DNSPreferIPv6:
		if len(v6) > 0 {
			return v6
		}
		return v4
	case options.DNSAny:
		return ips
	default: // preferIPv4
		if len(v4) > 0 {
			return v4
		}
		return v6
	}
}
