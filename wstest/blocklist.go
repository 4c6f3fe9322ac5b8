package wstest

import (
	"fmt"
	"net"
	"path"
)

// blocklist is k6's blacklistIPs and blockHostnames: connections that may
// not be made, refused before they are dialled with k6's texts.
type blocklist struct {
	ranges []*net.IPNet
	names  []string // patterns such as "*.test"
}

// block sets the ranges (CIDR, already validated) and host patterns.
func (n *network) block(cidrs, hostPatterns []string) {
	for _, c := range cidrs {
		if _, r, err := net.ParseCIDR(c); err == nil {
			n.blocked.ranges = append(n.blocked.ranges, r)
		}
	}
	n.blocked.names = append(n.blocked.names, hostPatterns...)
}

// checkName refuses a host name that a blockHostnames pattern matches.
func (b *blocklist) checkName(host string) error {
	for _, p := range b.names {
		if ok, _ := path.Match(p, host); ok {
			return fmt.Errorf("hostname (%s) is in a blocked pattern (%s)", host, p)
		}
	}
	return nil
}

// checkIP refuses an address in a blacklisted range.
func (b *blocklist) checkIP(ip net.IP) error {
	for _, r := range b.ranges {
		if r.Contains(ip) {
			return fmt.Errorf("IP (%s) is in a blacklisted range (%s)", ip, r)
		}
	}
	return nil
}
