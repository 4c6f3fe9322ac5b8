// Package bundle loads k6-style scripts for goja: it compiles a main script
// and the modules it imports once, and instantiates them in each VU's runtime.
//
// Use Load to compile a main script (an ES module, CommonJS or TypeScript)
// into a Bundle that every VU shares.
// Use Bundle.Instantiate to install require and open in one VU's runtime,
// then Instance.Init to run the init code and get the script's exports.
//
// Scripts go through esbuild (ES modules and TypeScript to CommonJS, with an
// inline source map), so errors and stack traces name the original file,
// line and column. require resolves, in this order: the natives the caller
// supplies, Options.Modules, the embedded jslib URLs (package jslib), and
// local files under the main script's directory. Other remote URLs fail with
// an error that names the way out.
package bundle
