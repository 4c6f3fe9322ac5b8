package wstest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/time/rate"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/options"
	"github.com/wsk6/wstest/internal/vu"
)

// makeSettings builds the settings of the VUs made before the options are
// known (the one that reads them); applyConfig refines them afterwards.
func (r *runner) makeSettings() {
	r.startJSONOutputs()
	r.exec.options = r.optionsValue
	r.settings = &vu.Settings{
		Registry:   r.registry,
		Builtin:    r.builtin,
		Dial:       r.network.dial,
		Proxy:      r.network.proxy,
		TLS:        r.network.tlsConfig(),
		UserAgent:  "wstest/1.0 (https://github.com/wsk6/wstest)",
		SystemTags: defaultSystemTags(),
		TimeScale:  r.cfg.timeScale,
		Shared:     vu.NewSharedStore(),
		Guard:      r.newGuard(),

		MaxMessageSize: r.cfg.wire.maxMessageSize,
		ReceiveBacklog: r.cfg.wire.receiveBacklog,
	}
}

// readOptions reads `export const options` from the first VU and
// consolidates it with the Go options.
func (r *runner) readOptions(vu0 *vuInstance) error {
	var raw []byte
	if o := vu0.exports.Get("options"); o != nil && !goja.IsUndefined(o) && !goja.IsNull(o) {
		b, err := json.Marshal(o.Export())
		if err != nil {
			return &ConfigError{File: r.name, Err: fmt.Errorf("options cannot be read as JSON: %w", err)}
		}
		raw = b
	}
	script, unknown, err := options.ParseLayer(options.SourceScript, raw)
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	if len(unknown) > 0 {
		r.rec.Log(0, vu.LevelWarn, "there were unknown fields in the options exported in the script: "+strings.Join(unknown, ", "))
	}
	layers, err := r.cfg.layers()
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	opts, warnings, err := options.Consolidate(append(layers, script)...)
	for _, w := range warnings {
		r.rec.Log(0, vu.LevelWarn, w)
	}
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	scenarios, err := opts.DeriveScenarios() // validated: cannot fail
	if err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	r.applyConfig(opts)
	r.opts = opts
	if err := r.startCSVOutputs(); err != nil {
		return &ConfigError{File: r.name, Err: err}
	}
	if !hasExportedFunction(vu0.exports) {
		return &ScriptError{Stage: "init", File: r.name, Message: "no exported functions in script"}
	}
	for _, sc := range scenarios {
		if _, ok := goja.AssertFunction(vu0.exports.Get(sc.ExecName())); !ok {
			return &ConfigError{File: r.name, Err: fmt.Errorf("scenario %q: function '%s' not found in exports", sc.Name, sc.ExecName())}
		}
	}
	for _, name := range []string{"setup", "teardown", "handleSummary"} {
		if v := vu0.exports.Get(name); v != nil && !goja.IsUndefined(v) {
			if _, ok := goja.AssertFunction(v); !ok {
				return &ConfigError{File: r.name, Err: fmt.Errorf("exported %s must be a function", name)}
			}
		}
	}
	r.scenarios = scenarios
	return nil
}

// layers are the option layers other than the script's: the config file
// (WithConfigJSON), the K6_* environment (WithK6Environment) and the Go
// options as the command line.
func (c *config) layers() ([]options.Layer, error) {
	var layers []options.Layer
	if c.configJSON != nil {
		l, err := options.ConfigFileLayer(c.configJSON)
		if err != nil {
			return nil, err
		}
		layers = append(layers, l)
	}
	if c.k6Env != nil {
		l, err := options.EnvLayer(c.k6Env)
		if err != nil {
			return nil, err
		}
		layers = append(layers, l)
	}
	cli, err := c.layer()
	if err != nil {
		return nil, err
	}
	return append(layers, cli), nil
}

// applyConfig applies the consolidated options to what the VUs share:
// the VUs made from here on get the settings the options give.
func (r *runner) applyConfig(opts *options.Options) {
	s := *r.settings
	if opts.UserAgent != nil {
		s.UserAgent = *opts.UserAgent
	}
	if len(opts.SystemTags) > 0 {
		s.SystemTags = map[string]bool{}
		for _, t := range opts.SystemTags {
			s.SystemTags[t] = true
		}
	}
	s.Throw = opts.Throw
	s.NoCookiesReset = opts.NoCookiesReset
	s.HTTP = vu.HTTPSettings{
		MaxRedirects: opts.MaxRedirects, DiscardResponseBodies: opts.DiscardResponseBodies,
		Batch: opts.Batch, BatchPerHost: opts.BatchPerHost, NoConnectionReuse: opts.NoConnectionReuse,
		NoVUConnectionReuse: opts.NoVUConnectionReuse, Debug: opts.HTTPDebug,
	}
	if opts.RPS != nil && *opts.RPS > 0 {
		// One token at a time: N requests take at least (N-1)/rps seconds.
		s.HTTP.Limiter = rate.NewLimiter(rate.Limit(*opts.RPS), 1)
	}
	if opts.LocalIPs != "" {
		pool, _ := options.ParseIPPool(opts.LocalIPs) // validated with the options
		s.LocalIP = pool.ForVU
	}
	r.network.configure(opts.Hosts, opts.InsecureSkipTLSVerify, opts.DNS)
	r.network.block(opts.BlacklistIPs, opts.BlockHostnames) // validated with the options
	s.TLS = r.network.tlsConfig()
	if s.SystemTags["expected_response"] {
		// k6 always tracks this submetric; the summary shows it when it has samples.
		r.builtin.HTTPReqDuration.Sub(map[string]string{"expected_response": "true"})
	}
	r.settings = &s
}

func hasExportedFunction(exports *goja.Object) bool {
	for _, k := range exports.Keys() {
		if _, ok := goja.AssertFunction(exports.Get(k)); ok {
			return true
		}
	}
	return false
}

func defaultSystemTags() map[string]bool {
	tags := map[string]bool{}
	for _, t := range []string{"proto", "subproto", "status", "method", "url", "name", "group", "check", "error", "error_code", "tls_version", "scenario", "service", "expected_response"} {
		tags[t] = true
	}
	return tags
}

// baseTags are the tags of every sample of a scenario: options.tags, the
// Go/CLI tags, the scenario's own tags and its name.
func (r *runner) baseTags(sc *options.Scenario) *metrics.TagSet {
	t := r.registry.EmptyTags()
	for k, v := range r.opts.Tags {
		t = t.With(k, v)
	}
	if sc != nil {
		for k, v := range sc.Tags {
			t = t.With(k, v)
		}
		if r.settings.SystemTags["scenario"] {
			t = t.With("scenario", sc.Name)
		}
	}
	return t
}

// optionsValue is the consolidated options as exec.test.options shows
// them: the options.Options keys, with scenarios as derived.
func (r *runner) optionsValue() any {
	out := map[string]any{}
	if r.opts == nil {
		return out
	}
	b, _ := json.Marshal(r.opts) // plain data: cannot fail
	_ = json.Unmarshal(b, &out)
	scenarios := map[string]any{}
	for _, sc := range r.scenarios {
		var m map[string]any
		b, _ := json.Marshal(sc)
		_ = json.Unmarshal(b, &m)
		scenarios[sc.Name] = m
	}
	out["scenarios"] = scenarios
	return out
}
