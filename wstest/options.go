package wstest

import (
	"crypto/x509"
	"io"
	"net/http"
	"time"

	"github.com/wsk6/wstest/internal/options"
)

// Option changes how a script runs. Options given here win over the
// script's own `export const options`, as k6's command-line flags do.
type Option func(*config)

type config struct {
	env          map[string]string
	vus          *int64
	iterations   *int64
	duration     *time.Duration
	tags         map[string]string
	timeScale    float64
	seed         *int64
	modules      map[string]string
	insecureTLS  bool
	rootCAs      *x509.CertPool
	redirects    map[string]redirect
	handlers     map[string]http.Handler
	hosts        map[string]string
	onLog        []func(LogEntry)
	jsonOut      []io.Writer
	csvOut       []csvSpec
	optionText   [][2]string // key, text: CLI-layer options from flag text
	k6Env        func(string) (string, bool)
	configJSON   []byte
	noThresholds bool
	sampleLimit  int64
	eventLimit   int64
	systemEnv    bool
	k6Strict     bool
	wire         wireLimits
}

// redirect sends every dial of a host name (any port) to fixed addresses.
type redirect struct{ plain, tls string }

func newConfig(opts []Option) *config {
	c := &config{env: map[string]string{}, tags: map[string]string{}, timeScale: 1,
		sampleLimit: DefaultSampleLimit, eventLimit: DefaultEventLimit, wire: defaultWireLimits()}
	for _, o := range opts {
		o(c)
	}
	return c
}

// layer is the Go options that are k6 options, as the layer that plays
// the command line's part: it wins over the script's options, key by key.
// An error is an option text (WithOptionText) that does not parse.
func (c *config) layer() (options.Layer, error) {
	l := options.NewLayer(options.SourceCLI)
	for _, kv := range c.optionText {
		v, err := options.ParseText(kv[0], kv[1])
		if err != nil {
			return l, err
		}
		if err := l.Set(kv[0], v); err != nil {
			return l, err
		}
	}
	// Plain values: Set cannot fail on them.
	if c.vus != nil {
		_ = l.Set("vus", *c.vus)
	}
	if c.iterations != nil {
		_ = l.Set("iterations", *c.iterations)
	}
	if c.duration != nil {
		_ = l.Set("duration", options.Duration(*c.duration))
	}
	if len(c.tags) > 0 {
		_ = l.Set("tags", c.tags)
	}
	if c.insecureTLS {
		_ = l.Set("insecureSkipTLSVerify", true)
	}
	return l, nil
}

// ParseDuration reads a duration as k6's command line reads -d/--duration:
// a Go duration with a unit ("10s", "1m30s", "1500ms"), or k6's days form
// ("2d3h"). A bare number is refused as k6 refuses it:
// `time: missing unit in duration "2"`. (In script options a bare number
// is milliseconds instead; that grammar is not this function's.)
func ParseDuration(s string) (time.Duration, error) { return options.ParseFlagDuration(s) }

// WithEnv sets __ENV[key] = value for the script.
func WithEnv(key, value string) Option {
	return func(c *config) { c.env[key] = value }
}

// WithSystemEnv copies the process environment into __ENV (as k6 run does);
// WithEnv values win over it.
func WithSystemEnv() Option {
	return func(c *config) { c.systemEnv = true }
}

// WithVUs sets the number of virtual users (k6 --vus).
//
// WithVUs, WithIterations, WithDuration, WithTag and
// WithInsecureSkipTLSVerify win over the script's options key by key, as
// k6's flags do; WithIterations or WithDuration also drop the script's
// duration, iterations, stages and scenarios (k6 then logs a warning).
func WithVUs(n int64) Option {
	return func(c *config) { c.vus = &n }
}

// WithIterations sets the total number of iterations (k6 --iterations).
func WithIterations(n int64) Option {
	return func(c *config) { c.iterations = &n }
}

// WithDuration sets how long the VUs run (k6 --duration).
func WithDuration(d time.Duration) Option {
	return func(c *config) { c.duration = &d }
}

// WithTag adds a tag to every sample of the run (k6 --tag). As in k6, the
// tags given this way replace the script's options.tags as a whole.
func WithTag(key, value string) Option {
	return func(c *config) { c.tags[key] = value }
}

// WithTimeScale makes timers and sleep() run f times their delay
// (0 < f <= 1 speeds a script up); metrics keep measuring real time.
func WithTimeScale(f float64) Option {
	return func(c *config) { c.timeScale = f }
}

// WithSeed seeds Math.random (and so the jslib random helpers) of every VU,
// making runs repeatable.
func WithSeed(seed int64) Option {
	return func(c *config) { c.seed = &seed }
}

// WithModule serves source for an import specifier, typically a remote URL
// that is not available offline.
func WithModule(specifier, source string) Option {
	return func(c *config) {
		if c.modules == nil {
			c.modules = map[string]string{}
		}
		c.modules[specifier] = source
	}
}

// WithAllowOutsideFiles does nothing: imports and open() reach any file
// the process can read, as in k6.
//
// Deprecated: files are no longer confined to the script's folder.
func WithAllowOutsideFiles() Option {
	return func(*config) {}
}

// WithInsecureSkipTLSVerify turns off TLS certificate verification (k6's
// insecureSkipTLSVerify).
func WithInsecureSkipTLSVerify() Option {
	return func(c *config) { c.insecureTLS = true }
}

// WithRootCAs trusts the certificates in pool for wss:// connections (in
// addition to nothing else: the system roots are replaced).
func WithRootCAs(pool *x509.CertPool) Option {
	return func(c *config) { c.rootCAs = pool }
}

// WithRedirect sends every connection to host, whatever its port, to
// plainAddr (ws://) or tlsAddr (wss://). The TLS server name stays host.
func WithRedirect(host, plainAddr, tlsAddr string) Option {
	return func(c *config) {
		if c.redirects == nil {
			c.redirects = map[string]redirect{}
		}
		c.redirects[host] = redirect{plain: plainAddr, tls: tlsAddr}
	}
}

// WithHost maps a host name to an address, like k6's hosts option.
func WithHost(name, address string) Option {
	return func(c *config) {
		if c.hosts == nil {
			c.hosts = map[string]string{}
		}
		c.hosts[name] = address
	}
}

// WithHandler dials host (any port, ws:// only) straight into handler in
// memory: one in-memory pipe per connection, no listener.
func WithHandler(host string, handler http.Handler) Option {
	return func(c *config) {
		if c.handlers == nil {
			c.handlers = map[string]http.Handler{}
		}
		c.handlers[host] = handler
	}
}

// WithLogOutput receives every console line and warning as it happens; f
// is called from one goroutine at a time.
func WithLogOutput(f func(LogEntry)) Option {
	return func(c *config) { c.onLog = append(c.onLog, f) }
}

// The limits of what a run keeps for its Result unless told otherwise. A
// sample costs about 20 bytes, an event about 150 bytes plus its data.
const (
	DefaultSampleLimit = 1_000_000
	DefaultEventLimit  = 100_000
)

// WithoutSamples keeps aggregates only: Metric.Samples is empty, every
// statistic stays exact. Long runs use less memory.
func WithoutSamples() Option { return WithSampleLimit(0) }

// WithSampleLimit keeps at most n samples over all metrics in
// Metric.Samples (n < 0: no limit; the default is DefaultSampleLimit).
// Aggregates, thresholds and outputs see every sample either way;
// Result.SamplesNotKept counts the samples past the limit.
func WithSampleLimit(n int64) Option {
	return func(c *config) { c.sampleLimit = n }
}

// WithEventLimit keeps at most n WebSocket events in Result.Events (n < 0:
// no limit; the default is DefaultEventLimit); Result.EventsNotKept counts
// the events past the limit. Metrics still count every message.
func WithEventLimit(n int64) Option {
	return func(c *config) { c.eventLimit = n }
}
