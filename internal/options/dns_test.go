package options_test

import (
	"strings"
	"testing"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

func TestParseDNS(t *testing.T) {
	tests := []struct {
		name, text string
		want       options.DNS
		cache      time.Duration
		forever    bool
	}{
		{"k6 default", "ttl=5m,select=random,policy=preferIPv4", options.DefaultDNS(), 5 * time.Minute, false},
		{"one key keeps the other defaults", "select=roundRobin", options.DNS{Select: "roundRobin"}, 5 * time.Minute, false},
		{"any order", "policy=any,ttl=inf", options.DNS{TTL: "inf", Policy: "any"}, 0, true},
		{"no cache", "ttl=0", options.DNS{TTL: "0"}, 0, false},
		{"bare number is milliseconds", "ttl=3000", options.DNS{TTL: "3000"}, 3 * time.Second, false},
		{"days", "ttl=1d", options.DNS{TTL: "1d"}, 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := options.ParseDNS(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if d != tt.want {
				t.Errorf("ParseDNS(%q) = %+v, want %+v", tt.text, d, tt.want)
			}
			if ttl, forever := d.CacheFor(); ttl != tt.cache || forever != tt.forever {
				t.Errorf("CacheFor = %v, %v", ttl, forever)
			}
		})
	}
}

// Every mistake names the key and says what is allowed.
func TestParseDNSErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"policy=ipv4", `dns: invalid policy "ipv4": use one of preferIPv4, preferIPv6, onlyIPv4, onlyIPv6, any`},
		{"select=last", `dns: invalid select "last": use one of first, random, roundRobin`},
		{"ttl=soon", `dns: invalid ttl "soon": use inf (cache for the whole run), 0 (no cache) or a duration such as 5m or 3000 (milliseconds)`},
		{"ttl=-1s", `dns: invalid ttl "-1s"`},
		{"cache=5m", `dns: unknown key "cache": the keys are ttl, select and policy`},
		{"ttl", `dns: no value for "ttl"`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := options.ParseDNS(tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseDNS(%q) error = %v, want it to contain %q", tt.text, err, tt.want)
			}
		})
	}
}

// The script's object form is checked with the options (exit 104).
func TestDNSObjectValidated(t *testing.T) {
	script, _, err := options.ParseLayer(options.SourceScript, []byte(`{"dns": {"ttl": "1m", "select": "first", "policy": "v6"}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = options.Consolidate(script)
	if err == nil || !strings.Contains(err.Error(), `dns: invalid policy "v6": use one of`) {
		t.Fatalf("err = %v", err)
	}
	script, _, _ = options.ParseLayer(options.SourceScript, []byte(`{"dns": {"ttl": "1m", "select": "first"}}`))
	o, _, err := options.Consolidate(script)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.DNS.String(); got != "ttl=1m,select=first,policy=preferIPv4" {
		t.Errorf("dns = %s", got)
	}
}
