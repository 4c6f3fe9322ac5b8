package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/wsk6/wstest/wstest"
)

// runPlan is a run ready to start: the script, its options, its outputs.
type runPlan struct {
	script  wstest.Script
	opts    []wstest.Option
	outs    outputs
	closers []func()
	started bool // the script loaded and the run began
}

// cleanup closes what prepare opened that the run does not close. As k6
// creates its output files only once the script has loaded, the files
// the outputs created are removed again when the run never started.
func (p *runPlan) cleanup() {
	for i := len(p.closers) - 1; i >= 0; i-- {
		p.closers[i]()
	}
	p.closers = nil
	if !p.started {
		p.outs.removeCreated()
	}
}

// readEnv sets the runtime flags not given on the command line from
// their K6_* variables, as k6 does.
func (f *runFlags) readEnv(fs *pflag.FlagSet, getenv func(string) (string, bool)) error {
	for _, fe := range envFlags() {
		v, ok := getenv(fe[1])
		if !ok || fs.Changed(fe[0]) {
			continue
		}
		if err := fs.Set(fe[0], v); err != nil {
			return fmt.Errorf("envconfig.Process: assigning %s to %s: %w", fe[1], fe[0], err)
		}
	}
	if v, ok := getenv("K6_NO_COLOR"); ok && v != "" {
		f.noColor = true
	}
	if _, ok := getenv("NO_COLOR"); ok {
		f.noColor = true
	}
	// As in k6, these two are on when the variable is set, whatever its value.
	if _, ok := getenv("K6_PROFILING_ENABLED"); ok && !fs.Changed("profiling-enabled") {
		f.profilingEnabled = true
	}
	if _, ok := getenv("K6_LOG_NS_TIMESTAMPS"); ok && !fs.Changed("log-ns-timestamps") {
		f.logNSTimestamps = true
	}
	// k6's web dashboard has no flag, only this variable.
	if v, ok := getenv("K6_WEB_DASHBOARD"); ok {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("envconfig.Process: assigning K6_WEB_DASHBOARD to webDashboard: %w", err)
		}
		f.webDashboard = on
	}
	return nil
}

// logger makes the logger of --log-output and --log-format.
func (f *runFlags) logger(c *cli) (*logger, func(), error) {
	l := &logger{w: c.stderr, verbose: f.verbose, now: c.now, color: c.stderrTTY && !f.noColor, tty: c.stderrTTY, start: c.now(), nano: f.logNSTimestamps}
	switch f.logFormat {
	case "", "text":
	case "json", "raw":
		l.format = f.logFormat
	default:
		return nil, func() {}, usageError{fmt.Errorf("unknown log format '%s', use json or raw", f.logFormat)}
	}
	out, params, _ := strings.Cut(f.logOutput, ",")
	for _, p := range strings.Split(params, ",") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		if k != "level" || levelRank(v) < 0 {
			return nil, func() {}, usageError{fmt.Errorf("unsupported log output '%s': only level=debug|info|warning|error may follow", f.logOutput)}
		}
		l.level = v
	}
	switch {
	case out == "stderr":
	case out == "stdout":
		l.w, l.color, l.tty = c.stdout, false, c.stdoutTTY
	case out == "none":
		l.w = nil
	case strings.HasPrefix(out, "file="):
		fh, err := os.OpenFile(strings.TrimPrefix(out, "file="), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, func() {}, err
		}
		l.w, l.color, l.tty = fh, false, false
		return l, func() { _ = fh.Close() }, nil
	default:
		return nil, func() {}, usageError{fmt.Errorf("unsupported log output '%s'", f.logOutput)}
	}
	return l, func() {}, nil
}

// prepare turns the flags, the environment and the config file into the
// run's script, options and outputs.
func (f *runFlags) prepare(c *cli, fs *pflag.FlagSet, log *logger) (*runPlan, error) {
	p := &runPlan{}
	script, err := scriptOf(fs.Arg(0), c.stdin)
	if err != nil {
		return p, err
	}
	p.script = script
	if err := f.checkK6Runtime(script, log); err != nil {
		return p, err
	}
	if !(f.timeScale > 0 && f.timeScale <= 1) {
		return p, usageError{fmt.Errorf("--time-scale must be in (0, 1], got %v", f.timeScale)}
	}
	cfg, err := f.readConfig(c.getenv)
	if err != nil {
		return p, err
	}
	outSpecs := f.out
	if len(outSpecs) == 0 {
		outSpecs = cfg.Out
	}
	p.closers = append(p.closers, func() {
		if err := p.outs.close(); err != nil {
			log.errorf("closing an output: %s", err)
		}
	})
	if err := p.outs.open(outSpecs, cfg.Collectors.CSV, c.stdout, c.getenv); err != nil {
		return p, err
	}
	p.opts = append(p.opts, p.outs.opts...)
	p.opts = append(p.opts, wstest.WithK6Environment(c.getenv), wstest.WithTimeScale(f.timeScale))
	// The command prints aggregates and streams outputs: it keeps no event
	// and no sample, so that a long run's memory stays flat.
	p.opts = append(p.opts, wstest.WithEventLimit(0), wstest.WithSampleLimit(0))
	if cfg.raw != nil {
		p.opts = append(p.opts, wstest.WithConfigJSON(cfg.raw))
	}
	if f.includeSystemEnv {
		p.opts = append(p.opts, wstest.WithSystemEnv())
	}
	if f.k6Strict {
		p.opts = append(p.opts, wstest.WithK6Strict())
	}
	for _, of := range optionFlags() {
		if !fs.Changed(of[0]) {
			continue
		}
		text := fs.Lookup(of[0]).Value.String()
		if of[0] == "stage" {
			text = strings.Join(f.stages, ",")
		}
		if strings.HasPrefix(of[0], "execution-segment") {
			// k6 refuses a segment it cannot read as a command-line error.
			if err := wstest.CheckOptionText(of[1], text); err != nil {
				return p, usageError{err}
			}
		}
		p.opts = append(p.opts, wstest.WithOptionText(of[1], text))
	}
	for _, kv := range f.tags.kv {
		p.opts = append(p.opts, wstest.WithTag(kv[0], kv[1]))
	}
	if f.wsMaxMessageSize < 0 {
		return p, usageError{fmt.Errorf("invalid argument \"%d\" for \"--ws-max-message-size\" flag: must not be negative", f.wsMaxMessageSize)}
	}
	p.opts = append(p.opts, wstest.WithMaxMessageSize(f.wsMaxMessageSize))
	if fs.Changed("seed") {
		p.opts = append(p.opts, wstest.WithSeed(f.seed))
	}
	if f.noThresholds {
		p.opts = append(p.opts, wstest.WithoutThresholds())
	}
	fixtureOpts, closeFixtures, err := f.fixtureOptions()
	p.closers = append(p.closers, closeFixtures)
	if err != nil {
		return p, configError{err}
	}
	p.opts = append(p.opts, fixtureOpts...)
	// -e comes last so that it wins over WSTEST_URL and WSTEST_WSS_URL.
	for _, kv := range f.env.kv {
		p.opts = append(p.opts, wstest.WithEnv(kv[0], kv[1]))
	}
	return p, nil
}

// configFile is what the command itself reads of a --config file; the
// options in it go to the run as they are (wstest.WithConfigJSON).
type configFile struct {
	Out        []string `json:"out"`
	Collectors struct {
		CSV csvConfig `json:"csv"`
	} `json:"collectors"`
	raw []byte
}

// readConfig reads --config (or K6_CONFIG), else the default
// ~/.config/k6/config.json when it exists.
func (f *runFlags) readConfig(getenv func(string) (string, bool)) (configFile, error) {
	var cfg configFile
	path := f.config
	if path == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return cfg, nil
		}
		path = filepath.Join(dir, "k6", "config.json")
		if _, err := os.Stat(path); err != nil {
			return cfg, nil // a missing default is silent
		}
	}
	if _, err := os.Stat(path); err != nil {
		return cfg, configError{fmt.Errorf("failed to load the configuration file from the local file system: %w", err)}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return cfg, configError{fmt.Errorf("failed to load the configuration file from the local file system: %w", err)}
	}
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return cfg, configError{fmt.Errorf("couldn't parse the configuration from %s: %s", strconv.Quote(path), strings.TrimPrefix(err.Error(), "json: "))}
	}
	cfg.raw = raw
	return cfg, nil
}
