package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	. "github.com/onsi/gomega"
)

// TestArgumentSyntax covers spec/cli.md section 1: k6's POSIX syntax.
func TestArgumentSyntax(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"long form", []string{"-q", "--vus", "2", "testdata/opts.js"}, "vus=2 "},
		{"long form with =", []string{"-q", "--vus=2", "testdata/opts.js"}, "vus=2 "},
		{"short form", []string{"-q", "-u", "2", "testdata/opts.js"}, "vus=2 "},
		{"short form glued", []string{"-q", "-u2", "testdata/opts.js"}, "vus=2 "},
		{"short form with =", []string{"-q", "-u=2", "testdata/opts.js"}, "vus=2 "},
		{"combined booleans", []string{"-qi", "4", "testdata/opts.js"}, "iterations=4 "},
		{"flags after the script", []string{"testdata/opts.js", "-u", "2", "-q"}, "vus=2 "},
		{"-- ends the flags", []string{"-q", "-u", "2", "--", "testdata/opts.js"}, "vus=2 "},
		{"boolean =true", []string{"--quiet=true", "-u", "2", "testdata/opts.js"}, "vus=2 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			r := wstestCLI(t, nil, "", append([]string{"run"}, tt.args...)...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stderr).To(ContainSubstring(tt.want))
			g.Expect(r.stdout).NotTo(ContainSubstring("execution: local"), "-q took effect")
			g.Expect(r.stdout).To(ContainSubstring("█ TOTAL RESULTS"))
		})
	}
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "--quiet=false", "-u", "2", "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("execution: local"), "--flag=false")
}

func TestScriptFromStdin(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, `export default function () { console.log("from stdin") }`, "run", "-q", "-")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`msg="from stdin"`))
}

func TestHelpAndVersion(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-h")
	g.Expect(r.code).To(Equal(0))
	g.Expect(r.stderr).To(BeEmpty())
	g.Expect(r.stdout).To(ContainSubstring("-u, --vus int"))
	r = wstestCLI(t, nil, "", "run", "--help")
	g.Expect(r.code).To(Equal(0))
	g.Expect(r.stderr).To(BeEmpty())
	g.Expect(r.stdout).To(ContainSubstring("-u, --vus int"))
	g.Expect(r.stdout).To(ContainSubstring("--fixture-host NAME"))
	for _, flag := range []string{"-p, --paused", "--execution-segment segment", "--execution-segment-sequence sequence",
		"-a, --address string", "--profiling-enabled", "--compatibility-mode string", "-t, --type string",
		"--traces-output string", "--secret-source source", "--new-machine-readable-summary", "--features flags",
		"--log-ns-timestamps"} {
		g.Expect(r.stdout).To(ContainSubstring(flag))
	}

	for _, args := range [][]string{{"version"}, {"--version"}} {
		r = wstestCLI(t, nil, "", args...)
		g.Expect(r.code).To(Equal(0))
		g.Expect(r.stdout).To(MatchRegexp(`^wstest v\S+ \(commit/\S+, go\S+, \w+/\w+\)\n$`))
	}
	r = wstestCLI(t, nil, "", "version", "--json")
	g.Expect(r.code).To(Equal(0))
	g.Expect(r.stdout).To(MatchRegexp(`^\{"commit":".*","go_arch":".*","go_os":".*","go_version":"go.*","version":"v.*"\}\n$`))

	r = wstestCLI(t, nil, "", "run", "--version", "testdata/ok.js")
	g.Expect(r.code).To(Equal(255))
	g.Expect(r.stderr).To(ContainSubstring("unknown flag: --version"))
}

// TestFlagsAndEnvironment covers the flags of spec/cli.md section 2, each
// with its K6_* variable where k6 has one.
func TestFlagsAndEnvironment(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr []string
		not    []string
	}{
		{"stages", nil, []string{"-s", "500ms:2", "--stage", "500ms:0", "testdata/opts.js"}, 0,
			[]string{"executor=ramping-vus stages=500ms:2,500ms:0 "}, nil},
		{"stages, comma separated", nil, []string{"--stage", "500ms:2,500ms:0", "testdata/opts.js"}, 0, []string{"executor=ramping-vus"}, nil},
		{"K6_STAGES", map[string]string{"K6_STAGES": "500ms:1"}, []string{"testdata/opts.js"}, 0, []string{"executor=ramping-vus"}, nil},
		{"stage without a target", nil, []string{"--stage", "1s", "testdata/opts.js"}, 104, []string{"stage 1 doesn't have a target"}, nil},
		{"-i alone: shared-iterations", nil, []string{"-i", "4", "testdata/opts.js"}, 0,
			[]string{"vus=3 iterations=4 executor=shared-iterations "}, nil},
		{"-i -1", nil, []string{"-i", "-1", "testdata/ok.js"}, 104,
			[]string{"the number of iterations (-1) can't be less than the number of VUs (1)"}, nil},
		{"-d alone: constant-vus", nil, []string{"-d", "50ms", "testdata/opts.js"}, 0, []string{"vus=3 iterations=null executor=constant-vus "}, nil},
		{"--stage starts at --vus", nil, []string{"-u", "2", "-s", "100ms:0", "testdata/opts.js"}, 0, []string{"executor=ramping-vus", " start=2"}, nil},
		{"K6_VUS", map[string]string{"K6_VUS": "2"}, []string{"-i", "4", "testdata/opts.js"}, 0, []string{"vus=2 iterations=4"}, nil},
		{"K6_ITERATIONS", map[string]string{"K6_ITERATIONS": "5"}, []string{"testdata/opts.js"}, 0, []string{"iterations=5"}, nil},
		{"K6_DURATION", map[string]string{"K6_DURATION": "200ms"}, []string{"testdata/opts.js"}, 0, []string{"executor=constant-vus"}, nil},
		{"-e NAME=value", nil, []string{"-e", "FOO=a=b", "testdata/opts.js"}, 0, []string{"foo=a=b "}, nil},
		{"-e NAME alone", nil, []string{"-e", "FOO", "testdata/opts.js"}, 0, []string{"foo= "}, nil},
		{"-e repeated: the last wins", nil, []string{"-e", "FOO=1", "-e", "FOO=2", "testdata/opts.js"}, 0, []string{"foo=2 "}, nil},
		{"-e empty value", nil, []string{"-e", "FOO=", "testdata/opts.js"}, 0, []string{"foo= "}, nil},
		{"-e bad name", nil, []string{"-e", "1FOO=x", "testdata/opts.js"}, 255, []string{"invalid environment variable name '1FOO'"}, nil},
		{"system env included", nil, []string{"testdata/opts.js"}, 0, []string{"home=true"}, nil},
		{"--include-system-env-vars=false", nil, []string{"--include-system-env-vars=false", "testdata/opts.js"}, 0, []string{"home=false"}, nil},
		{"K6_INCLUDE_SYSTEM_ENV_VARS", map[string]string{"K6_INCLUDE_SYSTEM_ENV_VARS": "false"}, []string{"testdata/opts.js"}, 0, []string{"home=false"}, nil},
		{"--tag", nil, []string{"--tag", "team=ws", "testdata/opts.js"}, 0, []string{"tags=team:ws "}, nil},
		{"--tag empty value", nil, []string{"--tag", "run=", "testdata/opts.js"}, 255, []string{"error parsing tag 'run=': invalid tag, empty value"}, nil},
		{"K6_TAGS", map[string]string{"K6_TAGS": "a:1,b:2"}, []string{"testdata/opts.js"}, 0, []string{"tags=a:1,b:2 "}, nil},
		{"K6_TAGS bad", map[string]string{"K6_TAGS": "a=1"}, []string{"testdata/opts.js"}, 104, []string{"K6_TAGS"}, nil},
		{"--user-agent", nil, []string{"--user-agent", "me/1", "testdata/opts.js"}, 0, []string{"ua=me/1"}, nil},
		{"K6_USER_AGENT", map[string]string{"K6_USER_AGENT": "env/1"}, []string{"testdata/opts.js"}, 0, []string{"ua=env/1"}, nil},
		{"--no-setup --no-teardown", nil, []string{"--no-setup", "--no-teardown", "testdata/opts.js"}, 0, nil, []string{"setup ran", "teardown ran"}},
		{"K6_NO_SETUP", map[string]string{"K6_NO_SETUP": "true"}, []string{"testdata/opts.js"}, 0, []string{"teardown ran"}, []string{"setup ran"}},
		{"-v shows console.debug", nil, []string{"-v", "testdata/opts.js"}, 0, []string{`level=debug msg="debug line"`}, nil},
		{"no -v: no debug lines", nil, []string{"testdata/opts.js"}, 0, nil, []string{"debug line"}},
		{"--log-format json", nil, []string{"--log-format", "json", "testdata/opts.js"}, 0, []string{`{"level":"info","msg":"setup ran","source":"console","time":"`}, nil},
		{"K6_LOG_FORMAT raw", map[string]string{"K6_LOG_FORMAT": "raw"}, []string{"testdata/opts.js"}, 0, []string{"setup ran\n"}, []string{"level="}},
		{"--log-output none", nil, []string{"--log-output", "none", "testdata/opts.js"}, 0, nil, []string{"setup ran"}},
		{"--summary-mode bad", nil, []string{"--summary-mode", "short", "testdata/opts.js"}, 255, []string{"invalid summary mode 'short'"}, nil},
		{"--summary-trend-stats bad", nil, []string{"--summary-trend-stats", "avg,p(101)", "testdata/opts.js"}, 255,
			[]string{"invalid percentile trend stat value 'p(101)', provide a number between 0 and 100"}, nil},
		{"--summary-time-unit bad", nil, []string{"--summary-time-unit", "h", "testdata/opts.js"}, 255,
			[]string{"invalid summary time unit 'h', use 's', 'ms' or 'us'"}, nil},
		{"--no-thresholds", nil, []string{"--no-thresholds", "testdata/threshold.js"}, 0, nil, []string{"crossed"}},
		{"K6_NO_THRESHOLDS", map[string]string{"K6_NO_THRESHOLDS": "true"}, []string{"testdata/threshold.js"}, 0, nil, []string{"crossed"}},
		// k6's warning has no source field; wstest adds source=console (reported).
		{"no --throw: a warning", nil, []string{"testdata/throw.js"}, 0,
			[]string{`level=warning msg="'abc' is an invalid value for metric 'probe_count', a number or a boolean value is expected"` + "\n", "after add"}, nil},
		{"K6_THROW", map[string]string{"K6_THROW": "true"}, []string{"testdata/throw.js"}, 0, []string{"'abc' is an invalid value"}, []string{"after add"}},
		{"--no-thresholds=false", nil, []string{"--no-thresholds=false", "testdata/threshold.js"}, 99, []string{"have been crossed"}, nil},
		{"--no-summary does not exist", nil, []string{"--no-summary", "testdata/ok.js"}, 255, []string{`level=error msg="unknown flag: --no-summary"`}, nil},
		{"--hosts does not exist", nil, []string{"--hosts", "a.test=127.0.0.1", "testdata/ok.js"}, 255, []string{`level=error msg="unknown flag: --hosts"`}, nil},
		{"K6_LOG_OUTPUT", map[string]string{"K6_LOG_OUTPUT": "none"}, []string{"testdata/opts.js"}, 0, nil, []string{"setup ran"}},
		{"--min-iteration-duration", nil, []string{"--min-iteration-duration", "30ms", "-i", "2", "testdata/min_iter.js"}, 0,
			[]string{"took at least 30ms: true"}, nil},
		{"--throw", nil, []string{"-w", "testdata/throw.js"}, 0, []string{"'abc' is an invalid value"}, []string{"after add"}},
		{"-o unknown type", nil, []string{"-o", "influxdb", "testdata/ok.js"}, 255, []string{"invalid output type 'influxdb', available types are: csv, json"}, nil},
		{"--no-fixtures with --fixture-host", nil, []string{"--no-fixtures", "--fixture-host", "x.test", "testdata/ok.js"}, 104, []string{"--fixture-host needs the embedded fixtures"}, nil},
		{"--no-usage-report and --max-redirects accepted", nil, []string{"--no-usage-report", "--max-redirects", "3", "testdata/ok.js"}, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append([]string{"run", "-q"}, tt.args...)...)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			for _, s := range tt.stderr {
				g.Expect(r.stderr).To(ContainSubstring(s))
			}
			for _, s := range tt.not {
				g.Expect(r.stderr).NotTo(ContainSubstring(s))
			}
		})
	}
}

// TestSystemEnvironmentAndEnvFlag: -e overrides the process environment
// in __ENV; with --include-system-env-vars=false only -e values are there.
// __ENV takes the real process environment, so it is set with t.Setenv.
func TestSystemEnvironmentAndEnvFlag(t *testing.T) {
	t.Setenv("FOO", "sys")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"system env", nil, "foo=sys home=true"},
		{"-e beats it", []string{"-e", "FOO=cli"}, "foo=cli home=true"},
		{"--include-system-env-vars=false", []string{"--include-system-env-vars=false"}, "foo=undefined home=false"},
		{"--include-system-env-vars=false with -e", []string{"--include-system-env-vars=false", "-e", "FOO=cli"}, "foo=cli home=false"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			r := wstestCLI(t, nil, "", append(append([]string{"run", "-q"}, tt.args...), "testdata/opts.js")...)
			g.Expect(r.code).To(Equal(0), r.stderr)
			g.Expect(r.stderr).To(ContainSubstring(tt.want))
		})
	}
}

func TestSummaryFlags(t *testing.T) {
	g := NewWithT(t)
	r := wstestCLI(t, nil, "", "run", "-q", "--summary-mode", "disabled", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0))
	g.Expect(r.stdout).To(BeEmpty())

	r = wstestCLI(t, map[string]string{"K6_SUMMARY_MODE": "disabled"}, "", "run", "-q", "testdata/ok.js")
	g.Expect(r.stdout).To(BeEmpty())

	r = wstestCLI(t, nil, "", "run", "-q", "--summary-trend-stats", "avg,p(99)", "--summary-time-unit", "s", "-i", "2", "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(MatchRegexp(`iteration_duration\.+: avg=[0-9.]+s p\(99\)=[0-9.]+s\n`))

	export := filepath.Join(t.TempDir(), "export.json")
	r = wstestCLI(t, map[string]string{"K6_SUMMARY_EXPORT": export}, "", "run", "-q", "testdata/setup_throw.js")
	g.Expect(r.code).To(Equal(107))
	g.Expect(readFile(t, export)).To(ContainSubstring(`"metrics"`))
}

// TestFlagsSeenOnStdout: the flags and variables of spec/cli.md section 2
// whose effect is on stdout: the header, progress and summary.
func TestFlagsSeenOnStdout(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		args      []string
		code      int
		stdout    []string // regular expressions
		notStdout []string // substrings
	}{
		{"--summary-mode disabled: the progress is still printed", nil, []string{"--summary-mode", "disabled", "testdata/ok.js"}, 0,
			[]string{`^\n     execution: local\n`, `\nrunning \(\S+\), 0/1 VUs, 1 complete and 0 interrupted iterations\ndefault ✓ \[ 100% \] .*\n$`},
			[]string{"TOTAL RESULTS"}},
		{"--summary-mode full", nil, []string{"-q", "--summary-mode", "full", "testdata/ok.js"}, 0, []string{`^\n\n  █ TOTAL RESULTS \n`}, nil},
		{"-q: the summary only, two blank lines first, checks padded to their group", nil, []string{"-q", "testdata/ok.js"}, 0,
			[]string{`^\n\n  █ TOTAL RESULTS \n\n    checks_total\.{7}: 1 `}, []string{"execution: local", "running ("}},
		{"K6_QUIET is not read", map[string]string{"K6_QUIET": "true"}, []string{"testdata/ok.js"}, 0, []string{`execution: local`, `\nrunning \(`}, nil},
		{"thresholds: a THRESHOLDS section", nil, []string{"-q", "testdata/threshold.js"}, 99, []string{`\n  █ THRESHOLDS \n`}, nil},
		{"--no-thresholds: none", nil, []string{"-q", "--no-thresholds", "testdata/threshold.js"}, 0, []string{`█ TOTAL RESULTS`}, []string{"THRESHOLDS"}},
		{"K6_SUMMARY_TREND_STATS", map[string]string{"K6_SUMMARY_TREND_STATS": "avg,p(99)"}, []string{"-q", "testdata/ok.js"}, 0,
			[]string{`iteration_duration\.+: avg=\S+ p\(99\)=\S+\n`}, nil},
		{"K6_SUMMARY_TIME_UNIT", map[string]string{"K6_SUMMARY_TIME_UNIT": "ms", "K6_SUMMARY_TREND_STATS": "max"}, []string{"-q", "testdata/ok.js"}, 0,
			[]string{`iteration_duration\.+: max=[0-9.]+ms\n`}, nil},
		{"--log-output stdout", nil, []string{"-q", "--log-output", "stdout", "testdata/opts.js"}, 0, []string{`level=info msg="setup ran" source=console\n`}, nil},
		{"a run under a second has no vus, vus_max", nil, []string{"-q", "testdata/ok.js"}, 0, []string{`iterations\.+: 1 `}, []string{"vus"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append([]string{"run"}, tt.args...)...)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			for _, re := range tt.stdout {
				g.Expect(r.stdout).To(MatchRegexp(re))
			}
			for _, s := range tt.notStdout {
				g.Expect(r.stdout).NotTo(ContainSubstring(s))
			}
			if slices.Contains(tt.args, "stdout") {
				g.Expect(r.stderr).To(BeEmpty(), "the log lines went to stdout")
			}
		})
	}
}

func TestConsoleOutput(t *testing.T) {
	g := NewWithT(t)
	file := filepath.Join(t.TempDir(), "console.log")
	r := wstestCLI(t, nil, "", "run", "-q", "--console-output", file, "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).NotTo(ContainSubstring("setup ran"))
	g.Expect(readFile(t, file)).To(MatchRegexp(`time="[^"]+" level=info msg="setup ran"\n`))
	g.Expect(readFile(t, file)).NotTo(ContainSubstring("source="))

	// K6_CONSOLE_OUTPUT does the same; the file is appended to.
	r = wstestCLI(t, map[string]string{"K6_CONSOLE_OUTPUT": file}, "", "run", "-q", "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).NotTo(ContainSubstring("setup ran"))
	g.Expect(strings.Count(readFile(t, file), `msg="setup ran"`)).To(Equal(2))

	// Only console output goes to the file, as in k6: the run's own
	// warnings and the exceptions stay in the log.
	only := filepath.Join(t.TempDir(), "only-console.log")
	r = wstestCLI(t, nil, "", "run", "-q", "-i", "1", "--console-output", only, "testdata/console_and_errors.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, only)).To(MatchRegexp(`^time="[^"]+" level=info msg="from the script"\n$`))
	g.Expect(r.stderr).To(ContainSubstring(`level=warning msg="\"cli\" level configuration overrode scenarios configuration entirely"` + "\n"))
	g.Expect(r.stderr).To(ContainSubstring(`msg="Error: probe iteration error\n\tat default (`))
	g.Expect(r.stderr).NotTo(ContainSubstring("from the script"))

	logFile := filepath.Join(t.TempDir(), "k6.log")
	r = wstestCLI(t, nil, "", "run", "-q", "--log-output", "file="+logFile, "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(readFile(t, logFile)).To(ContainSubstring(`msg="setup ran" source=console`))
}

// TestConfigFile covers spec/cli.md section 3: the config file layer and
// the precedence CLI > environment > script > config file.
func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfg := write("config.json", `{"vus": 4, "iterations": 8, "userAgent": "cfg/1", "tags": {"from": "config"}}`)
	vusOnly := write("vus4.json", `{"vus": 4}`)
	outCfg := write("out.json", `{"out": ["json=`+filepath.Join(dir, "m.json")+`"]}`)
	bad := write("bad.json", `// not json`)
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stderr string
	}{
		{"script beats config", nil, []string{"-c", vusOnly, "testdata/opts.js"}, 0, "vus=3 "},
		{"env beats script and config", map[string]string{"K6_VUS": "5", "K6_ITERATIONS": "5"}, []string{"-c", vusOnly, "testdata/opts.js"}, 0, "vus=5 "},
		{"cli beats env", map[string]string{"K6_VUS": "5"}, []string{"-c", vusOnly, "-u", "2", "testdata/opts.js"}, 0, "vus=2 "},
		{"config keys not overridden stay", nil, []string{"-c", cfg, "testdata/opts.js"}, 0, "ua=cfg/1 tags=from:config "},
		{"config + env: env wins per key, the other config keys stay", map[string]string{"K6_VUS": "2", "K6_ITERATIONS": "6"},
			[]string{"-c", cfg, "testdata/opts.js"}, 0, "vus=2 iterations=6 executor=shared-iterations stages= ua=cfg/1 tags=from:config "},
		{"run tags of a higher layer replace the config's", nil, []string{"-c", cfg, "--tag", "team=ws", "testdata/opts.js"}, 0, " tags=team:ws "},
		{"K6_TAGS replace the config's", map[string]string{"K6_TAGS": "a:1"}, []string{"-c", cfg, "testdata/opts.js"}, 0, " tags=a:1 "},
		{"the cli layer overrides the scenarios", nil, []string{"-i", "3", "testdata/opts.js"}, 0,
			`level=warning msg="\"cli\" level configuration overrode scenarios configuration entirely"` + "\n"},
		{"the env layer overrides the scenarios", map[string]string{"K6_DURATION": "50ms"}, []string{"testdata/opts.js"}, 0,
			`level=warning msg="\"env\" level configuration overrode scenarios configuration entirely"` + "\n"},
		{"the script layer overrides the config's scenarios", nil, []string{"-c", cfg, "testdata/opts.js"}, 0,
			`level=warning msg="\"script\" level configuration overrode scenarios configuration entirely"` + "\n"},
		{"K6_CONFIG", map[string]string{"K6_CONFIG": vusOnly}, []string{"-i", "4", "testdata/opts.js"}, 0, "vus=3 iterations=4"},
		{"missing config", nil, []string{"-c", "no-such-config.json", "testdata/ok.js"}, 104,
			"failed to load the configuration file from the local file system: stat no-such-config.json: no such file or directory"},
		{"invalid config", nil, []string{"-c", bad, "testdata/ok.js"}, 104,
			`couldn't parse the configuration from \"` + bad + `\": invalid character '/' looking for beginning of value`},
		{"out in the config", nil, []string{"-c", outCfg, "testdata/ok.js"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			r := wstestCLI(t, tt.env, "", append([]string{"run", "-q"}, tt.args...)...)
			g.Expect(r.code).To(Equal(tt.code), r.stderr)
			g.Expect(r.stderr).To(ContainSubstring(tt.stderr))
		})
	}
	g := NewWithT(t)
	g.Expect(readFile(t, filepath.Join(dir, "m.json"))).To(ContainSubstring(`"type":"Point"`))
}

// TestConfigFileAlone: every key of a config file applies when nothing
// else sets it, out included (spec/cli.md [cfg-only]).
func TestConfigFileAlone(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "m.json")
	cfg := filepath.Join(dir, "config.json")
	writeFile(t, cfg, `{"vus": 4, "iterations": 8, "summaryTrendStats": ["avg", "p(99)"], "out": ["json=`+out+`"], "tags": {"from": "config"}}`)
	r := wstestCLI(t, nil, "", "run", "-c", cfg, "testdata/ok.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("        output: json (" + out + ")\n"))
	g.Expect(r.stdout).To(ContainSubstring("* default: 8 iterations shared among 4 VUs"))
	g.Expect(r.stdout).To(MatchRegexp(`iteration_duration\.+: avg=\S+ p\(99\)=\S+\n`))
	g.Expect(strings.Count(readFile(t, out), `{"metric":"checks","type":"Point","data":{"time":`)).To(Equal(8))
	g.Expect(readFile(t, out)).To(ContainSubstring(`"tags":{"check":"one is one","from":"config","group":"","scenario":"default"}`))
}

// TestConfigFileRuntimeSettingsAreIgnored: summaryExport, summaryMode,
// noThresholds and consoleOutput are runtime settings that k6 does not
// read from the config file.
func TestConfigFileRuntimeSettingsAreIgnored(t *testing.T) {
	g := NewWithT(t)
	dir := t.TempDir()
	export, console := filepath.Join(dir, "export.json"), filepath.Join(dir, "console.log")
	cfg := filepath.Join(dir, "config.json")
	writeFile(t, cfg, `{"summaryExport": "`+export+`", "summaryMode": "disabled", "noThresholds": true, "consoleOutput": "`+console+`"}`)
	r := wstestCLI(t, nil, "", "run", "-q", "-c", cfg, "testdata/threshold.js")
	g.Expect(r.code).To(Equal(99), r.stderr)
	g.Expect(r.stdout).To(ContainSubstring("█ THRESHOLDS"))
	g.Expect(r.stderr).To(ContainSubstring("have been crossed"))
	for _, f := range []string{export, console} {
		_, err := os.Stat(f)
		g.Expect(os.IsNotExist(err)).To(BeTrue(), f)
	}
}

// TestOptionsAsTheScriptSeesThem: exec.test.options holds the consolidated
// options, vus null when no layer set it.
func TestOptionsAsTheScriptSeesThem(t *testing.T) {
	g := NewWithT(t)
	src := `import exec from "k6/execution";
export default function () { console.log("vus=" + JSON.stringify(exec.test.options.vus)); }`
	r := wstestCLI(t, nil, src, "run", "-q", "-i", "1", "-")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`msg="vus=null"`))
	r = wstestCLI(t, nil, src, "run", "-q", "-i", "2", "-u", "2", "-")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring(`msg="vus=2"`))
}

func TestDefaultConfigFile(t *testing.T) {
	g := NewWithT(t)
	home := t.TempDir()
	dir := filepath.Join(home, ".config", "k6")
	g.Expect(os.MkdirAll(dir, 0o755)).To(Succeed())
	g.Expect(os.WriteFile(filepath.Join(dir, "config.json"), []byte(`{"userAgent": "default-config"}`), 0o644)).To(Succeed())
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	r := wstestCLI(t, map[string]string{"HOME": home}, "", "run", "-q", "testdata/opts.js")
	g.Expect(r.code).To(Equal(0), r.stderr)
	g.Expect(r.stderr).To(ContainSubstring("ua=default-config"))
}
