package options

import (
	"fmt"
	"math/big"
	"net"
	"strings"
)

// IPPool is k6's localIPs option read: the source addresses VUs bind their
// connections to, in order. Build it with ParseIPPool.
type IPPool struct {
	blocks []ipBlock
	total  *big.Int
}

// ipBlock is a run of consecutive addresses.
type ipBlock struct {
	first *big.Int
	count *big.Int
	v4    bool
}

// ParseIPPool reads the localIPs text: a comma list of addresses
// (10.0.0.1), ranges (10.0.0.1-10.0.0.9) and CIDRs (10.0.0.0/24), in the
// order VUs get them. As in k6, an IPv4 CIDR of more than two addresses
// leaves out its first (network) and last (broadcast) address.
func ParseIPPool(text string) (*IPPool, error) {
	p := &IPPool{total: new(big.Int)}
	for _, item := range strings.Split(text, ",") {
		item = strings.TrimSpace(item)
		b, err := parseIPBlock(item)
		if err != nil {
			return nil, fmt.Errorf("localIPs: %w", err)
		}
		p.blocks = append(p.blocks, b)
		p.total.Add(p.total, b.count)
	}
	return p, nil
}

func parseIPBlock(s string) (ipBlock, error) {
	if from, to, ok := strings.Cut(s, "-"); ok {
		a, b := net.ParseIP(strings.TrimSpace(from)), net.ParseIP(strings.TrimSpace(to))
		if a == nil || b == nil {
			return ipBlock{}, fmt.Errorf("%q is not a range of two addresses such as 10.0.0.1-10.0.0.9", s)
		}
		if (a.To4() == nil) != (b.To4() == nil) {
			return ipBlock{}, fmt.Errorf("range %q mixes IPv4 and IPv6", s)
		}
		blk := blockBetween(a, b)
		if blk.count.Sign() <= 0 {
			return ipBlock{}, fmt.Errorf("range %q ends before it starts", s)
		}
		return blk, nil
	}
	if strings.Contains(s, "/") {
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return ipBlock{}, fmt.Errorf("%q is not a CIDR such as 10.0.0.0/24: %w", s, err)
		}
		last := make(net.IP, len(n.IP))
		for i := range n.IP {
			last[i] = n.IP[i] | ^n.Mask[i]
		}
		blk := blockBetween(n.IP, last)
		if blk.v4 && blk.count.Cmp(big.NewInt(2)) > 0 {
			// Network and broadcast addresses are no source addresses.
			blk.first.Add(blk.first, big.NewInt(1))
			blk.count.Sub(blk.count, big.NewInt(2))
		}
		return blk, nil
	}
	ip := net.ParseIP(s)
	if ip == nil {
		return ipBlock{}, fmt.Errorf("%q is not an address, a range (A-B) or a CIDR (A/N)", s)
	}
	return blockBetween(ip, ip), nil
}

// blockBetween is the block from a to b, both included.
func blockBetween(a, b net.IP) ipBlock {
	blk := ipBlock{v4: a.To4() != nil}
	if blk.v4 {
		a, b = a.To4(), b.To4()
	} else {
		a, b = a.To16(), b.To16()
	}
	blk.first = new(big.Int).SetBytes(a)
	blk.count = new(big.Int).SetBytes(b)
	blk.count.Sub(blk.count, blk.first)
	blk.count.Add(blk.count, big.NewInt(1))
	return blk
}

// At returns the i-th address of the pool, wrapping around at its end.
func (p *IPPool) At(i uint64) net.IP {
	idx := new(big.Int).Rem(new(big.Int).SetUint64(i), p.total)
	for _, b := range p.blocks {
		if idx.Cmp(b.count) < 0 {
			n := new(big.Int).Add(b.first, idx)
			size := net.IPv6len
			if b.v4 {
				size = net.IPv4len
			}
			return net.IP(n.FillBytes(make([]byte, size)))
		}
		idx.Sub(idx, b.count)
	}
	return nil // not reached: idx < total
}

// ForVU returns the address of VU id, as k6 gives them out: VU 1 gets the
// first address, VU 2 the second, and so on round the pool; VU 0 (setup
// and teardown) gets the first.
func (p *IPPool) ForVU(id int64) net.IP {
	if id > 0 {
		id--
	}
	return p.At(uint64(id))
}
