package options_test

import (
	"strings"
	"testing"

	"github.com/wsk6/wstest/internal/options"
)

func TestIPPoolOrder(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // addresses of VUs 1, 2, ...
	}{
		{"single addresses, wrapping", "127.0.0.2,127.0.0.3", []string{"127.0.0.2", "127.0.0.3", "127.0.0.2"}},
		{"range", "10.0.0.254-10.0.1.1", []string{"10.0.0.254", "10.0.0.255", "10.0.1.0", "10.0.1.1", "10.0.0.254"}},
		{"CIDR without network and broadcast", "192.168.1.0/30", []string{"192.168.1.1", "192.168.1.2", "192.168.1.1"}},
		{"a /31 keeps both", "192.168.1.0/31", []string{"192.168.1.0", "192.168.1.1"}},
		{"blocks in order", "10.0.0.1, 10.0.1.1-10.0.1.2", []string{"10.0.0.1", "10.0.1.1", "10.0.1.2", "10.0.0.1"}},
		{"repeated address weighs more", "10.0.0.1,10.0.0.2,10.0.0.2", []string{"10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.1"}},
		{"IPv6 CIDR keeps all", "fd00::/127", []string{"fd00::", "fd00::1", "fd00::"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := options.ParseIPPool(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := p.ForVU(int64(i + 1)).String(); got != want {
					t.Errorf("VU %d: %s, want %s", i+1, got, want)
				}
			}
			if got := p.ForVU(0).String(); got != tt.want[0] {
				t.Errorf("VU 0 (setup): %s, want %s", got, tt.want[0])
			}
		})
	}
}

func TestIPPoolErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"10.0.0.x", `localIPs: "10.0.0.x" is not an address, a range (A-B) or a CIDR (A/N)`},
		{"10.0.0.9-10.0.0.1", `localIPs: range "10.0.0.9-10.0.0.1" ends before it starts`},
		{"10.0.0.1-fd00::1", `localIPs: range "10.0.0.1-fd00::1" mixes IPv4 and IPv6`},
		{"10.0.0.1-x", `localIPs: "10.0.0.1-x" is not a range of two addresses`},
		{"10.0.0.0/33", `localIPs: "10.0.0.0/33" is not a CIDR such as 10.0.0.0/24`},
		{"10.0.0.1,", `localIPs: "" is not an address`},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := options.ParseIPPool(tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseIPPool(%q) error = %v, want it to contain %q", tt.text, err, tt.want)
			}
		})
	}
}
