package wstest

import (
	"context"
	"encoding/json"
)

// Inspect runs the script's init code and returns its options merged
// with opts (config file, K6_* environment, Go options) as indented JSON,
// every option key present (null when unset), with the scenarios the
// options come to: what `wstest inspect` prints. Nothing else of the
// script runs. Errors are Run's: *ScriptError, *ConfigError.
func Inspect(ctx context.Context, script Script, opts ...Option) ([]byte, error) {
	r := newRunner(script, newConfig(opts))
	r.attach(ctx)
	defer r.exec.cancel(nil)
	if err := r.load(script); err != nil {
		return nil, err
	}
	r.network = newNetwork(r.cfg)
	defer r.network.close()
	r.makeSettings()
	vu0, err := r.newVU(r.ctx, 0)
	if err != nil {
		return nil, r.stopped(err)
	}
	if err := r.readOptions(vu0); err != nil {
		return nil, err
	}
	return json.MarshalIndent(r.optionsValue(), "", "  ")
}
