package bundle

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// wrapperHead and wrapperTail turn a CommonJS module body into one function
// expression. The tail must stay exactly "})": goja only looks for the
// source map comment on the last line, skipping lines that are exactly "})".
const (
	wrapperHead = "(function (exports, require, module, __filename, __dirname) {"
	wrapperTail = "})"
)

// module is one compiled module, shared read-only by every VU.
type module struct {
	// name is the file name given to goja; stack traces show it (mapped).
	name string
	// filename and dirname are the module's __filename and __dirname.
	filename, dirname string
	// local reports whether the module is a file; dirname is then the
	// absolute directory that relative requires and open() resolve against.
	// Otherwise filename is a specifier or URL and relative requires resolve
	// as URLs against it.
	local bool
	prog  *goja.Program
}

// compile transpiles source with esbuild and compiles the result with goja,
// with the source map inline (see source_map.go).
// name is shown in errors and stack traces; the loader follows its
// extension (.ts, .mts, .cts: TypeScript; .json: JSON; otherwise JavaScript).
func compile(name string, source string) (*goja.Program, error) {
	res := api.Transform(source, api.TransformOptions{
		Loader: loaderFor(name),
		Format: api.FormatCommonJS,
		Target: api.ESNext,
		// Lower only what goja lacks.
		Supported: map[string]bool{
			"async-generator": false,
			"for-await":       false,
			"dynamic-import":  false,
		},
		KeepNames:      true,
		Sourcefile:     mapSourceName(name),
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Banner:         wrapperHead,
		Footer:         wrapperTail,
		LogLevel:       api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		return nil, syntaxError(name, res.Errors)
	}
	comment, err := inlineSourceMap(res.Map)
	if err != nil {
		return nil, fmt.Errorf("bundle: source map of %s: %w", name, err)
	}
	// The map comment goes on the last line (goja looks for it there).
	prog, err := goja.Compile(name, string(res.Code)+comment+"\n", true)
	if err != nil {
		return nil, &ScriptError{File: name, Message: err.Error()}
	}
	return prog, nil
}

// mapSourceName is the source name recorded in the source map. goja
// resolves it against the directory of the compiled file's name, so a path
// keeps only its base name; a URL stays whole.
func mapSourceName(name string) string {
	if strings.Contains(name, "://") {
		return name
	}
	return path.Base(filepath.ToSlash(name))
}

func loaderFor(name string) api.Loader {
	switch strings.ToLower(path.Ext(name)) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".json":
		return api.LoaderJSON
	default:
		return api.LoaderJS
	}
}
