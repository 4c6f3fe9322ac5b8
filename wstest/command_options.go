package wstest

import "github.com/wsk6/wstest/internal/options"

// WithOptionText sets a k6 option from the text a command-line flag
// gives it, in the command line's layer (it wins over the K6_* variables,
// the script's options and the config file, key by key). The keys and
// their text are k6's: "vus" "2", "iterations" "10", "duration" "30s",
// "stages" "1s:2,1s:0", "userAgent", "summaryTrendStats" "avg,p(99)",
// "summaryTimeUnit" "ms", "systemTags" "url,status", "noSetup" "true",
// "noTeardown", "throw", "insecureSkipTLSVerify", "setupTimeout",
// "teardownTimeout", "minIterationDuration", "paused" (see
// LiveRun.Resume), "executionSegment" (the whole test only). Text that
// does not parse
// makes the run fail with a *ConfigError (exit 104).
func WithOptionText(key, text string) Option {
	return func(c *config) { c.optionText = append(c.optionText, [2]string{key, text}) }
}

// WithK6Environment reads the K6_* variables that set options (K6_VUS,
// K6_DURATION, K6_STAGES, K6_TAGS as "a:1,b:2", ...) through lookup
// (os.LookupEnv, or a stand-in), as the layer between the script's
// options and the command line, as k6 run does. A value that does not
// parse makes the run fail with a *ConfigError.
func WithK6Environment(lookup func(string) (string, bool)) Option {
	return func(c *config) { c.k6Env = lookup }
}

// WithConfigJSON gives the content of a k6 config file (k6 run --config):
// a JSON object of options, the lowest layer (the script's options win
// over it). Keys that are not script options (out, collectors, linger,
// ...) are left to the caller. Invalid JSON makes the run fail with a
// *ConfigError.
func WithConfigJSON(raw []byte) Option {
	return func(c *config) { c.configJSON = append([]byte(nil), raw...) }
}

// WithoutThresholds turns thresholds off (k6 --no-thresholds): they are
// neither evaluated nor shown, and a crossed one does not fail the run.
func WithoutThresholds() Option {
	return func(c *config) { c.noThresholds = true }
}

// CheckOptionText reports whether text is a valid value of option key as
// a flag or K6_* variable gives it (the check WithOptionText makes when
// the run starts), with k6's error text: `'abc' is not a valid
// percentage, decimal, fraction or interval value` for an
// executionSegment. The command line uses it to refuse a bad flag before
// the run, as k6 does.
func CheckOptionText(key, text string) error {
	_, err := options.ParseText(key, text)
	return err
}
