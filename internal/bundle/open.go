package bundle

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// open is the script's open(path, mode): it reads a file (once per bundle)
// relative to the directory of the module whose code calls it, and returns
// a string, or an ArrayBuffer (a fresh copy each call) when mode is "b".
func (i *Instance) open(call goja.FunctionCall) goja.Value {
	if !i.inInit() {
		i.throw(fmt.Errorf("%s", initOnly("open")))
	}
	name := ""
	if arg := call.Argument(0); !goja.IsUndefined(arg) && !goja.IsNull(arg) {
		name = arg.String()
	}
	if name == "" {
		i.throw(fmt.Errorf("open() can't be used with an empty filename"))
	}
	data, err := i.b.readFile(name, i.callerDir())
	if err != nil {
		i.throw(err)
	}
	if call.Argument(1).String() == "b" {
		return i.rt.ToValue(i.rt.NewArrayBuffer(append([]byte(nil), data...)))
	}
	return i.rt.ToValue(string(data))
}

// callerDir is the directory of the module whose code is running: the
// innermost script frame on the call stack. Code that is not a local
// module (a jslib or a WithModule URL, or code the runner evaluates)
// resolves against the main script's directory.
func (i *Instance) callerDir() string {
	for _, f := range i.rt.CaptureCallStack(0, nil) {
		name := f.SrcName()
		if name == "<native>" {
			continue
		}
		if dir, ok := i.dirs[name]; ok {
			return dir
		}
		break
	}
	return i.b.dir
}

// readFile returns the contents of name resolved against dir, read once
// per bundle. The returned slice is shared: never modify it.
func (b *Bundle) readFile(name, dir string) ([]byte, error) {
	p := strings.TrimPrefix(name, "file://")
	if filepath.IsAbs(p) {
		p = filepath.Clean(p)
	} else {
		p = filepath.Join(dir, p)
	}
	return b.files.get(p, func() ([]byte, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.IsDir() {
			return nil, fmt.Errorf("open() can't be used with directories, path: %q", p)
		}
		return io.ReadAll(f)
	})
}
