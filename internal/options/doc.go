// Package options reads k6 options: `export const options`, and the layers
// that override it (Go options and command-line flags, later K6_*
// environment variables and a config file).
//
// It owns THE k6 duration grammar (ParseDuration for option values,
// ParseFlagDuration for command-line flags), the Options and Scenario
// types, the merging of layers with k6's precedence (Merge), the derivation
// of scenarios from the execution shortcuts (Options.DeriveScenarios) and
// validation with k6's error texts (Options.Validate).
//
// The package knows nothing of goja or of how scenarios are scheduled:
// package executor runs what a Scenario describes.
package options
