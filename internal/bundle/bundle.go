package bundle

import (
	"fmt"
	"maps"
	"path/filepath"
)

// Options configures how scripts are loaded. require and open reach any
// file the process can read, as in k6 (spec/DECISIONS.md "Files").
type Options struct {
	// Modules maps extra specifiers (e.g. a remote URL) to JS source (WithModule).
	Modules map[string]string
}

// Bundle is a compiled main script plus everything it can load; shared,
// read-only, by every VU (compile once). Its methods are safe for concurrent
// use: imported modules and opened files are compiled or read once, by the
// first VU that needs them, and shared from then on.
type Bundle struct {
	// Filename is the main script's path as given (shown in errors).
	Filename string

	opts Options
	// dir is the absolute directory of the main script: error messages
	// name files relative to it.
	dir  string
	main *module

	modules  onceMap[*module] // by cache key (see moduleKey)
	files    onceMap[[]byte]  // open() contents by absolute path
	resolved onceMap[string]  // local specifier resolution by "dir\x00spec"
}

// Load compiles the main script (ES module, CommonJS or .ts) with esbuild and
// goja. Syntax errors are *ScriptError naming file:line:col. Relative
// imports and open() resolve against filename's directory, which must be
// the script's real location (for an inline script, any name in the working
// directory will do).
func Load(filename string, source []byte, opts Options) (*Bundle, error) {
	abs, err := filepath.Abs(filename)
	if err != nil {
		return nil, fmt.Errorf("bundle: resolve %s: %w", filename, err)
	}
	prog, err := compile(filename, string(source))
	if err != nil {
		return nil, err
	}
	b := &Bundle{
		Filename: filename,
		opts:     Options{Modules: maps.Clone(opts.Modules)},
		dir:      filepath.Dir(abs),
		main: &module{
			name:     filename,
			filename: abs,
			dirname:  filepath.Dir(abs),
			local:    true,
			prog:     prog,
		},
	}
	// Requiring the main script by path (a cycle) reuses this compilation.
	_, _ = b.modules.get(fileKey(abs), func() (*module, error) { return b.main, nil })
	return b, nil
}

// fileKey is the module cache key of a local file.
func fileKey(abs string) string { return "file:" + abs }

// displayName is how a local file is named in errors and stack traces: its
// path relative to the main script's directory, joined to that directory as
// the main script's name gives it.
func (b *Bundle) displayName(abs string) string {
	rel, err := filepath.Rel(b.dir, abs)
	if err != nil {
		return abs
	}
	return filepath.Join(filepath.Dir(b.Filename), rel)
}
