package bundle

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/wsk6/wstest/internal/jslib"
)

// resolve finds and compiles (once per bundle) the JavaScript module that
// spec names when required from module from. It returns the module's cache
// key, the same for every way of naming one module. Natives are the
// caller's business: they come first and are per runtime.
func (b *Bundle) resolve(spec string, from *module) (string, *module, error) {
	if src, ok := b.opts.Modules[spec]; ok {
		key := "module:" + spec
		m, err := b.modules.get(key, func() (*module, error) { return b.compileSpecifier(spec, src) })
		return key, m, err
	}
	if src, ok := jslib.Source(spec); ok {
		key := "jslib:" + spec
		m, err := b.modules.get(key, func() (*module, error) { return b.compileSpecifier(spec, src) })
		return key, m, err
	}
	if isRelative(spec) && !from.local {
		// A relative import inside a remote module names another URL.
		base, err := url.Parse(from.filename)
		if err != nil {
			return "", nil, fmt.Errorf("cannot resolve %q from %q: %w", spec, from.filename, err)
		}
		ref, err := url.Parse(spec)
		if err != nil {
			return "", nil, fmt.Errorf("cannot resolve %q from %q: %w", spec, from.filename, err)
		}
		return b.resolve(base.ResolveReference(ref).String(), from)
	}
	if isRelative(spec) || strings.HasPrefix(spec, "/") || strings.HasPrefix(spec, "file://") {
		abs, err := b.resolved.get(from.dirname+"\x00"+spec, func() (string, error) { return b.findFile(spec, from.dirname) })
		if err != nil {
			return "", nil, err
		}
		key := fileKey(abs)
		m, err := b.modules.get(key, func() (*module, error) { return b.compileFile(abs) })
		return key, m, err
	}
	if strings.HasPrefix(spec, "https://") || strings.HasPrefix(spec, "http://") {
		return "", nil, fmt.Errorf("remote module %q is not available offline: vendor it as a local file or provide it with wstest.WithModule", spec)
	}
	return "", nil, errUnknownModule{spec}
}

// errUnknownModule says that nothing serves spec; require adds the closest
// native module's name to it.
type errUnknownModule struct{ spec string }

func (e errUnknownModule) Error() string { return fmt.Sprintf("unknown module %q", e.spec) }

func isRelative(spec string) bool {
	return strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")
}

// findFile resolves a local specifier against dir to an existing file.
// As in k6, the name is taken as written: an import without its
// extension fails, with an error that names the file that would match.
func (b *Bundle) findFile(spec, dir string) (string, error) {
	p := strings.TrimPrefix(spec, "file://")
	if filepath.IsAbs(p) {
		p = filepath.Clean(p)
	} else {
		p = filepath.Join(dir, p)
	}
	if isFile(p) {
		return p, nil
	}
	for _, ext := range []string{".js", ".ts", ".mjs", ".cjs"} {
		if isFile(p + ext) {
			return "", fmt.Errorf("cannot find module %q: no file %s; write the extension, as k6 needs it: %q", spec, p, spec+ext)
		}
	}
	return "", fmt.Errorf("cannot find module %q: no file %s", spec, p)
}

// isFile reports whether p names a file that is not a directory.
func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// compileFile reads and compiles a local module.
func (b *Bundle) compileFile(abs string) (*module, error) {
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot load module: %w", err)
	}
	prog, err := compile(b.displayName(abs), string(src))
	if err != nil {
		return nil, err
	}
	return &module{
		name:     b.displayName(abs),
		filename: abs,
		dirname:  filepath.Dir(abs),
		local:    true,
		prog:     prog,
	}, nil
}

// compileSpecifier compiles a module given as source under a specifier
// (Options.Modules or jslib). A URL-named module resolves relative requires
// as URLs; any other one as files under the main script's directory.
func (b *Bundle) compileSpecifier(spec, src string) (*module, error) {
	prog, err := compile(spec, src)
	if err != nil {
		return nil, err
	}
	m := &module{name: spec, filename: spec, dirname: b.dir, local: true, prog: prog}
	if i := strings.LastIndexByte(spec, '/'); strings.Contains(spec, "://") && i >= 0 {
		m.dirname = spec[:i]
		m.local = false
	}
	return m, nil
}
