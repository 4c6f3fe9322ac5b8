package options

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// DNS is k6's dns option: how the run resolves host names. An empty field
// means k6's default for it (DefaultDNS). In a script and a config file it
// is an object, {ttl: "1m", select: "roundRobin", policy: "any"}; on the
// command line and in K6_DNS it is text, "ttl=1m,select=roundRobin,policy=any".
type DNS struct {
	// TTL is how long a name's addresses are kept: "inf" (the whole run),
	// "0" (no cache) or a duration ("5m"; a bare number is milliseconds).
	TTL string `json:"ttl,omitempty"`
	// Select is which of a name's addresses a connection uses: first,
	// random or roundRobin.
	Select string `json:"select,omitempty"`
	// Policy is which IP versions are used: preferIPv4, preferIPv6,
	// onlyIPv4, onlyIPv6 or any.
	Policy string `json:"policy,omitempty"`
}

// The values of DNS.Select.
const (
	DNSFirst      = "first"
	DNSRandom     = "random"
	DNSRoundRobin = "roundRobin"
)

// The values of DNS.Policy.
const (
	DNSPreferIPv4 = "preferIPv4"
	DNSPreferIPv6 = "preferIPv6"
	DNSOnlyIPv4   = "onlyIPv4"
	DNSOnlyIPv6   = "onlyIPv6"
	DNSAny        = "any"
)

// DefaultDNS is k6's default: ttl=5m,select=random,policy=preferIPv4.
func DefaultDNS() DNS { return DNS{TTL: "5m", Select: DNSRandom, Policy: DNSPreferIPv4} }

func dnsSelects() []string { return []string{DNSFirst, DNSRandom, DNSRoundRobin} }

func dnsPolicies() []string {
	return []string{DNSPreferIPv4, DNSPreferIPv6, DNSOnlyIPv4, DNSOnlyIPv6, DNSAny}
}

// WithDefaults returns d with k6's default in each field it leaves empty.
func (d DNS) WithDefaults() DNS {
	def := DefaultDNS()
	if d.TTL == "" {
		d.TTL = def.TTL
	}
	if d.Select == "" {
		d.Select = def.Select
	}
	if d.Policy == "" {
		d.Policy = def.Policy
	}
	return d
}

// String is the text form, "ttl=5m,select=random,policy=preferIPv4".
func (d DNS) String() string {
	d = d.WithDefaults()
	return fmt.Sprintf("ttl=%s,select=%s,policy=%s", d.TTL, d.Select, d.Policy)
}

// CacheFor returns how long resolved addresses are kept (0: not at all),
// or forever for ttl "inf" (the whole run). The DNS must be valid.
func (d DNS) CacheFor() (ttl time.Duration, forever bool) {
	text := d.WithDefaults().TTL
	if text == "inf" {
		return 0, true
	}
	t, _ := ParseDuration(text) // validated with the options
	return t, false
}

// problems lists what is wrong with d, each naming the key, the value and
// what is allowed.
func (d DNS) problems() []string {
	var out []string
	if d.TTL != "" && d.TTL != "inf" {
		if _, err := ParseDuration(d.TTL); err != nil {
			out = append(out, fmt.Sprintf("dns: invalid ttl %q: use inf (cache for the whole run), 0 (no cache) or a duration such as 5m or 3000 (milliseconds)", d.TTL))
		}
	}
	if d.Select != "" && !slices.Contains(dnsSelects(), d.Select) {
		out = append(out, fmt.Sprintf("dns: invalid select %q: use one of %s", d.Select, strings.Join(dnsSelects(), ", ")))
	}
	if d.Policy != "" && !slices.Contains(dnsPolicies(), d.Policy) {
		out = append(out, fmt.Sprintf("dns: invalid policy %q: use one of %s", d.Policy, strings.Join(dnsPolicies(), ", ")))
	}
	return out
}

// ParseDNS reads the text form of the dns option (--dns, K6_DNS):
// comma-separated key=value pairs of ttl, select and policy, in any order;
// a key left out keeps k6's default. Unknown keys and bad values are
// errors that name the key and the allowed values.
func ParseDNS(text string) (DNS, error) {
	var d DNS
	for _, part := range strings.Split(text, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		if v == "" {
			return DNS{}, fmt.Errorf("dns: no value for %q: write key=value pairs such as ttl=5m,select=random,policy=preferIPv4", part)
		}
		switch k {
		case "ttl":
			d.TTL = v
		case "select":
			d.Select = v
		case "policy":
			d.Policy = v
		default:
			return DNS{}, fmt.Errorf("dns: unknown key %q: the keys are ttl, select and policy", k)
		}
	}
	if p := d.problems(); len(p) > 0 {
		return DNS{}, fmt.Errorf("%s", strings.Join(p, "; "))
	}
	return d, nil
}
