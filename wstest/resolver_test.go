package wstest

import (
	"context"
	"errors"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// The system resolver stands in for DNS here: what is tested is what the
// dns option does with the addresses a name has.
func testResolver(t *testing.T, text string, addrs ...string) (*resolver, *atomic.Int64) {
	t.Helper()
	d, err := options.ParseDNS(text)
	if err != nil {
		t.Fatal(err)
	}
	r := newResolver(d)
	lookups := &atomic.Int64{}
	r.lookup = func(_ context.Context, host string) ([]net.IP, error) {
		lookups.Add(1)
		if host != "multi.test" {
			return nil, errors.New("lookup " + host + ": no such host")
		}
		var ips []net.IP
		for _, a := range addrs {
			ips = append(ips, net.ParseIP(a))
		}
		return ips, nil
	}
	return r, lookups
}

func picks(t *testing.T, r *resolver, n int) []string {
	t.Helper()
	var out []string
	for range n {
		ip, err := r.resolve(context.Background(), "multi.test")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ip.String())
	}
	return out
}

func TestResolverSelectAndPolicy(t *testing.T) {
	addrs := []string{"10.0.0.1", "fd00::1", "10.0.0.2", "fd00::2"}
	tests := []struct {
		dns  string
		want []string
	}{
		{"select=first", []string{"10.0.0.1", "10.0.0.1", "10.0.0.1"}},
		{"select=roundRobin", []string{"10.0.0.1", "10.0.0.2", "10.0.0.1"}},
		{"select=roundRobin,policy=preferIPv6", []string{"fd00::1", "fd00::2", "fd00::1"}},
		{"select=roundRobin,policy=any", []string{"10.0.0.1", "fd00::1", "10.0.0.2", "fd00::2", "10.0.0.1"}},
		{"select=first,policy=onlyIPv6", []string{"fd00::1", "fd00::1"}},
	}
	for _, tt := range tests {
		t.Run(tt.dns, func(t *testing.T) {
			r, _ := testResolver(t, tt.dns, addrs...)
			got := picks(t, r, len(tt.want))
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("picks = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestResolverRandomPicksAnAllowedAddress(t *testing.T) {
	r, _ := testResolver(t, "select=random,policy=onlyIPv4", "10.0.0.1", "fd00::1", "10.0.0.2")
	seen := map[string]bool{}
	for _, ip := range picks(t, r, 200) {
		seen[ip] = true
	}
	if len(seen) != 2 || !seen["10.0.0.1"] || !seen["10.0.0.2"] {
		t.Errorf("random picked %v, want both IPv4 addresses and no other", seen)
	}
}

// A policy that leaves no address fails with k6's text; the other versions
// fall back.
func TestResolverPolicyWithoutAddresses(t *testing.T) {
	r, _ := testResolver(t, "policy=onlyIPv6", "10.0.0.1")
	if _, err := r.resolve(context.Background(), "multi.test"); err == nil || err.Error() != "lookup multi.test: no such host" {
		t.Errorf("err = %v", err)
	}
	r, _ = testResolver(t, "policy=preferIPv6,select=first", "10.0.0.1")
	if got := picks(t, r, 1); got[0] != "10.0.0.1" {
		t.Errorf("preferIPv6 without IPv6 = %v", got)
	}
}

func TestResolverTTL(t *testing.T) {
	tests := []struct {
		dns  string
		want int64 // lookups for 5 resolutions in a row
	}{
		{"ttl=5m", 1},
		{"ttl=inf", 1},
		{"ttl=0", 5},
	}
	for _, tt := range tests {
		t.Run(tt.dns, func(t *testing.T) {
			r, lookups := testResolver(t, tt.dns, "10.0.0.1")
			picks(t, r, 5)
			if got := lookups.Load(); got != tt.want {
				t.Errorf("lookups = %d, want %d", got, tt.want)
			}
		})
	}
}

// An expired entry is looked up again (ttl 1ms; the clock is real).
func TestResolverTTLExpires(t *testing.T) {
	r, lookups := testResolver(t, "ttl=1ms", "10.0.0.1")
	picks(t, r, 1)
	r.mu.Lock()
	c := r.cache["multi.test"]
	c.at = c.at.Add(-2 * time.Millisecond)
	r.cache["multi.test"] = c
	r.mu.Unlock()
	picks(t, r, 1)
	if got := lookups.Load(); got != 2 {
		t.Errorf("lookups = %d, want 2", got)
	}
}
