package main

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
)

// The spec/cli.md rows that the Go API's tests cover, run once more
// through the command line, as a k6 user types them.
func TestCommandRows(t *testing.T) {
	for _, tt := range []struct {
		name   string
		env    map[string]string
		args   []string
		stdout []string // regular expressions
		stderr []string // substrings
	}{
		{"K6_SYSTEM_TAGS limits the csv columns", map[string]string{"K6_SYSTEM_TAGS": "url,scenario"},
			[]string{"-o", "csv=-", "testdata/ok.js"},
			[]string{`(?m)^metric_name,timestamp,metric_value,scenario,url,extra_tags,metadata$`, `(?m)^checks,\d+,1\.000000,default,,check=one is one,$`}, nil},
		{"csv timeFormat unix_micro", nil, []string{"-o", "csv=timeFormat=unix_micro,fileName=-", "testdata/ok.js"},
			[]string{`(?m)^checks,\d{16},1\.000000,`}, nil},
		{"csv timeFormat rfc3339", nil, []string{"-o", "csv=timeFormat=rfc3339,fileName=-", "testdata/ok.js"},
			[]string{`(?m)^checks,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,1\.000000,`}, nil},
		{"--no-setup gives default undefined data", nil, []string{"--no-setup", "testdata/setup_data.js"},
			[]string{"(?m)^setup_data=undefined$"}, []string{`msg="data=undefined" source=console`}},
		{"setup() data reaches default and handleSummary", nil, []string{"testdata/setup_data.js"},
			[]string{`(?m)^setup_data=\{"token":"t0"\}$`}, []string{`msg="data={\"token\":\"t0\"}" source=console`}},
		{"--block-hostnames fails the dial with k6's text", nil, []string{"--block-hostnames", "*.test", "testdata/blocked.js"},
			nil, []string{`hostname (probe.test) is in a blocked pattern (*.test)`}},
		{"a multi-line message keeps its line break, quoted", nil, []string{"testdata/multiline.js"},
			nil, []string{`msg="first line\nsecond line" source=console`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append([]string{"run", "-q"}, tt.args...)...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			for _, re := range tt.stdout {
				g.Expect(r.stdout).To(MatchRegexp(re))
			}
			for _, s := range tt.stderr {
				g.Expect(r.stderr).To(ContainSubstring(s))
			}
		})
	}
}

// On a terminal, logrus's short form keeps a multi-line message's line
// breaks (a stack trace stays readable).
func TestMultiLineMessageOnATerminal(t *testing.T) {
	g := NewWithT(t)
	r := wstestOnTerminal(t, nil, "run", "-q", "--summary-mode", "disabled", "testdata/multiline.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(MatchRegexp(`\x1b\[36mINFO\x1b\[0m\[0000\] first line\nsecond line +\x1b\[36msource\x1b\[0m=console\n`))
}

// --insecure-skip-tls-verify (or its variable) opens wss:// to a
// self-signed server; without it the error is Go's certificate error, as
// in k6. --user-agent is the handshake's User-Agent.
func TestTLSAndUserAgentFlags(t *testing.T) {
	srv := fixtures.NewTLSServer()
	defer srv.Close()
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"verified by default", nil, nil, `error=tls: failed to verify certificate: x509: certificate signed by unknown authority`},
		{"--insecure-skip-tls-verify", nil, []string{"--insecure-skip-tls-verify"}, "msg=opened"},
		{"K6_INSECURE_SKIP_TLS_VERIFY", map[string]string{"K6_INSECURE_SKIP_TLS_VERIFY": "true"}, nil, "msg=opened"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			args := append([]string{"run", "-q", "--no-fixtures", "-e", "URL=" + srv.URL + "/echo"}, tt.args...)
			r := wstestCLI(t, tt.env, "", append(args, "testdata/wss_dial.js")...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stderr).To(ContainSubstring(tt.want))
		})
	}
	t.Run("--user-agent", func(t *testing.T) {
		g := NewWithT(t)
		r := wstestCLI(t, nil, "", "run", "-q", "--no-fixtures", "--insecure-skip-tls-verify", "--user-agent", "probe-agent/1",
			"-e", "URL="+srv.URL+"/echo?ua", "testdata/wss_dial.js")
		g.Expect(r.code).To(Equal(0), r.stderr)
		var agents []string
		for _, c := range srv.Connections() {
			if c.RawQuery == "ua" {
				agents = append(agents, c.Header.Get("User-Agent"))
			}
		}
		g.Expect(agents).To(Equal([]string{"probe-agent/1"}))
	})
}
