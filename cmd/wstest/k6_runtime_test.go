package main

import (
	"archive/tar"
	"os"
	"path/filepath"
	"testing"

	. "github.com/onsi/gomega"
)

func TestK6RuntimeFlagsWithoutEffectWarn(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		warn string // "" for none
	}{
		{"-a", nil, []string{"-a", "localhost:6565"}, `level=warning msg="wstest has no REST API: --address localhost:6565 has no effect`},
		{"K6_ADDRESS", map[string]string{"K6_ADDRESS": "127.0.0.1:6565"}, nil, "--address 127.0.0.1:6565 has no effect"},
		{"--profiling-enabled", nil, []string{"--profiling-enabled"}, "--profiling-enabled has no effect"},
		{"K6_PROFILING_ENABLED set at all", map[string]string{"K6_PROFILING_ENABLED": "false"}, nil, "--profiling-enabled has no effect"},
		{"--features", nil, []string{"--features", "a,b"}, "wstest has no k6 feature flags: --features a,b has no effect"},
		{"K6_FEATURES", map[string]string{"K6_FEATURES": "x"}, nil, "--features x has no effect"},
		{"--compatibility-mode base", nil, []string{"--compatibility-mode", "base"}, ""},
		{"K6_COMPATIBILITY_MODE extended", map[string]string{"K6_COMPATIBILITY_MODE": "extended"}, nil, ""},
		{"--compatibility-mode experimental_enhanced", nil, []string{"--compatibility-mode=experimental_enhanced"},
			`CompatibilityMode \"experimental_enhanced\" is deprecated.`},
		{"-t js", nil, []string{"-t", "js"}, ""},
		{"K6_TYPE js", map[string]string{"K6_TYPE": "js"}, nil, ""},
		{"--traces-output none", nil, []string{"--traces-output", "none"}, ""},
		{"--new-machine-readable-summary=false", nil, []string{"--new-machine-readable-summary=false"}, ""},
		{"K6_WEB_DASHBOARD", map[string]string{"K6_WEB_DASHBOARD": "true"}, nil, "wstest has no web dashboard: K6_WEB_DASHBOARD has no effect"},
		{"K6_WEB_DASHBOARD false", map[string]string{"K6_WEB_DASHBOARD": "false"}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append(append([]string{"run", "-q"}, tt.args...), "testdata/ok.js")...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stdout).To(ContainSubstring("TOTAL RESULTS"), "the run happened as usual")
			if tt.warn == "" {
				g.Expect(r.stderr).To(BeEmpty())
			} else {
				g.Expect(r.stderr).To(ContainSubstring(tt.warn))
			}
		})
	}
}

func TestK6RuntimeFlagsThatCannotWorkHereAreRefused(t *testing.T) {
	archive := filepath.Join(t.TempDir(), "archive.tar")
	writeTar(t, archive)
	for _, tt := range []struct {
		name   string
		env    map[string]string
		args   []string
		script string
		want   []string
	}{
		{"bad --compatibility-mode", nil, []string{"--compatibility-mode", "es6"}, "testdata/ok.js",
			[]string{`level=error msg="invalid compatibility mode \"es6\". Use: \"extended\", \"base\", \"experimental_enhanced\""`}},
		{"bad K6_COMPATIBILITY_MODE", map[string]string{"K6_COMPATIBILITY_MODE": "x"}, nil, "testdata/ok.js",
			[]string{`invalid compatibility mode \"x\"`}},
		{"-t archive", nil, []string{"-t", "archive"}, "testdata/ok.js",
			[]string{"could not initialize 'testdata/ok.js': wstest cannot run k6 archives (--type archive); pass the script itself"}},
		{"K6_TYPE archive", map[string]string{"K6_TYPE": "archive"}, nil, "testdata/ok.js", []string{"wstest cannot run k6 archives"}},
		{"a tar archive as the script", nil, nil, archive,
			[]string{"wstest cannot run k6 archives (this one is a tar archive); pass the script itself: the .js or .ts file the archive was made from"}},
		{"-t other", nil, []string{"--type=zip"}, "testdata/ok.js",
			[]string{"could not initialize 'testdata/ok.js': unknown or unspecified test type 'zip' for 'file:///", "/testdata/ok.js'"}},
		{"--traces-output otel", nil, []string{"--traces-output", "otel"}, "testdata/ok.js",
			[]string{"wstest cannot send traces: --traces-output otel needs k6's OpenTelemetry exporter", "drop the flag"}},
		{"K6_TRACES_OUTPUT otel=...", map[string]string{"K6_TRACES_OUTPUT": "otel=127.0.0.1:4318,proto=http"}, nil, "testdata/ok.js",
			[]string{"--traces-output otel=127.0.0.1:4318,proto=http needs k6's OpenTelemetry exporter"}},
		{"bad --traces-output", nil, []string{"--traces-output", "jaeger=x"}, "testdata/ok.js",
			[]string{`level=error msg="invalid traces output \"jaeger\""`}},
		{"--secret-source", nil, []string{"--secret-source", "file=secrets.txt"}, "testdata/ok.js",
			[]string{"wstest has no secret sources and no k6/secrets module: --secret-source file=secrets.txt cannot be used", "-e NAME=value"}},
		{"K6_SECRET_SOURCE", map[string]string{"K6_SECRET_SOURCE": "env"}, nil, "testdata/ok.js", []string{"--secret-source env cannot be used"}},
		{"--new-machine-readable-summary", nil, []string{"--new-machine-readable-summary"}, "testdata/ok.js",
			[]string{"wstest does not have k6's new machine-readable summary"}},
		{"K6_NEW_MACHINE_READABLE_SUMMARY", map[string]string{"K6_NEW_MACHINE_READABLE_SUMMARY": "true"}, nil, "testdata/ok.js",
			[]string{"new machine-readable summary"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append(append([]string{"run", "-q"}, tt.args...), tt.script)...)
			g.Expect(r.code).To(Equal(255), r.stderr)
			for _, w := range tt.want {
				g.Expect(r.stderr).To(ContainSubstring(w))
			}
			g.Expect(r.stdout).To(BeEmpty(), "nothing ran")
		})
	}
}

func TestLogNanosecondTimestamps(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"--log-ns-timestamps", nil, []string{"--log-ns-timestamps"}},
		{"K6_LOG_NS_TIMESTAMPS", map[string]string{"K6_LOG_NS_TIMESTAMPS": ""}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append(append([]string{"run", "-q", "--summary-mode", "disabled"}, tt.args...), "testdata/env.js")...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stderr).To(MatchRegexp(`(?m)^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z" level=info `))
		})
	}
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-q", "--summary-mode", "disabled", "testdata/env.js")
	g.Expect(r.stderr).To(MatchRegexp(`(?m)^time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=info `), "seconds by default")
}

// writeTar writes a tar archive holding a script, as k6 archive would.
func writeTar(t *testing.T, path string) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	tw := tar.NewWriter(fh)
	src := []byte("export default function () {}\n")
	if err := tw.WriteHeader(&tar.Header{Name: "data", Mode: 0o644, Size: int64(len(src))}); err != nil {
		t.Fatal(err)
	}
	if _, err := tw.Write(src); err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestBadWebDashboardVariableIsAConfigError(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, map[string]string{"K6_WEB_DASHBOARD": "maybe"}, "", "run", "-q", "testdata/ok.js")
	g.Expect(r.code).To(Equal(104))
	g.Expect(r.stderr).To(ContainSubstring(`envconfig.Process: assigning K6_WEB_DASHBOARD to webDashboard: strconv.ParseBool: parsing \"maybe\": invalid syntax`))
	g.Expect(r.stdout).To(BeEmpty())
}
