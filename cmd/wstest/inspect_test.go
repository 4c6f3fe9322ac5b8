package main

import (
	"encoding/json"
	"testing"

	. "github.com/onsi/gomega"
)

func TestInspect(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, map[string]string{"K6_USER_AGENT": "env/1"}, "", "inspect", "-u", "2", "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	var opts map[string]any
	g.Expect(json.Unmarshal([]byte(r.stdout), &opts)).To(Succeed())
	g.Expect(opts).To(HaveKeyWithValue("vus", BeEquivalentTo(2)))
	g.Expect(opts).To(HaveKeyWithValue("iterations", BeEquivalentTo(3)))
	g.Expect(opts).To(HaveKeyWithValue("userAgent", "env/1"))
	g.Expect(opts).To(HaveKeyWithValue("duration", BeNil()))
	for _, key := range []string{"paused", "executionSegment", "executionSegmentSequence"} {
		g.Expect(opts).To(HaveKeyWithValue(key, BeNil()))
	}
	g.Expect(r.stderr).NotTo(ContainSubstring("setup ran"))

	r = wstestCLI(t, nil, "", "inspect", "testdata/syntax.js")
	g.Expect(r.code).To(Equal(107))
	r = wstestCLI(t, nil, "", "inspect")
	g.Expect(r.code).To(Equal(255))
}

// The network options show with the values the flags and K6_* gave them.
func TestInspectNetworkOptions(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, map[string]string{"K6_HOSTS": "api.test=127.0.0.1"}, "", "inspect", "--dns", "select=first",
		"--rps", "5", "--http-debug", "--local-ips", "127.0.0.2", "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	var opts map[string]any
	g.Expect(json.Unmarshal([]byte(r.stdout), &opts)).To(Succeed())
	g.Expect(opts).To(HaveKeyWithValue("dns", HaveKeyWithValue("select", "first")))
	g.Expect(opts).To(HaveKeyWithValue("rps", BeEquivalentTo(5)))
	g.Expect(opts).To(HaveKeyWithValue("httpDebug", "headers"))
	g.Expect(opts).To(HaveKeyWithValue("localIPs", "127.0.0.2"))
	g.Expect(opts).To(HaveKeyWithValue("hosts", HaveKeyWithValue("api.test", "127.0.0.1")))
}
