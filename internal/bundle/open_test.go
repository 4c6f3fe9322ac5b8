package bundle

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dop251/goja"
	"github.com/onsi/gomega"
)

func TestOpen(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/open/main.js", Options{}), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())

	g.Expect(exports.Get("text").Export()).To(gomega.Equal("hello from data\n"))
	bin, ok := exports.Get("bin").Export().(goja.ArrayBuffer)
	g.Expect(ok).To(gomega.BeTrue(), "binary mode gives an ArrayBuffer")
	g.Expect(bin.Bytes()).To(gomega.Equal([]byte{0, 1, 2, 0xff}))
	// Relative to the calling module's directory (lib/), not the main script's.
	g.Expect(exports.Get("fromLib").Export()).To(gomega.Equal("next to the lib\n"))

	// Each call returns its own buffer: writing to one leaves the others
	// (and the shared contents) alone.
	bin.Bytes()[0] = 42
	bin2 := exports.Get("bin2").Export().(goja.ArrayBuffer)
	g.Expect(bin2.Bytes()).To(gomega.Equal([]byte{0, 1, 2, 0xff}))
	again, err := v.rt.RunString(`new Uint8Array(open('./data/bytes.bin', 'b'))[0]`)
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(again.Export()).To(gomega.BeEquivalentTo(0))
}

func TestOpenPaths(t *testing.T) {
	abs, err := filepath.Abs("testdata/open/data/hello.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call string
		opts Options
		want string
		err  string
	}{
		{name: "relative", call: `open('data/hello.txt')`, want: "hello from data\n"},
		{name: "file URL prefix", call: `open('file://./data/hello.txt')`, want: "hello from data\n"},
		{name: "absolute file URL", call: `open('file://` + abs + `')`, want: "hello from data\n"},
		{name: "mode other than b gives a string", call: `typeof open('./data/bytes.bin', 'r')`, want: "string"},
		{name: "empty name", call: `open('')`, err: "open() can't be used with an empty filename"},
		{name: "no name", call: `open()`, err: "open() can't be used with an empty filename"},
		{name: "directory", call: `open('./data')`, err: `open() can't be used with directories, path: "`},
		{name: "missing file", call: `open('./data/missing.txt')`, err: "no such file or directory"},
		{name: "beside the script's folder", call: `open('../outside.txt')`, want: "secret\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gomega.NewWithT(t)
			b, err := Load("testdata/open/inline.js", []byte(`export const got = `+tt.call+`; export default function () {}`), tt.opts)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			exports, err := newVU(t, b, nil).inst.Init()
			if tt.err != "" {
				g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring(tt.err)))
				return
			}
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(exports.Get("got").String()).To(gomega.Equal(tt.want))
		})
	}
}

func TestOpenFileBesideTheScriptsFolder(t *testing.T) {
	g := gomega.NewWithT(t)
	exports, err := newVU(t, mustLoad(t, "testdata/open/outside.js", Options{}), nil).inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(exports.Get("secret").String()).To(gomega.Equal("secret\n"))
}

func TestOpenOutsideInit(t *testing.T) {
	g := gomega.NewWithT(t)
	v := newVU(t, mustLoad(t, "testdata/open/main.js", Options{}), nil)
	exports, err := v.inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	v.init = false
	_, err = v.call(t, exports, "default")
	g.Expect(err).To(gomega.MatchError(gomega.HavePrefix(`GoError: the "open" function is only available in the init stage (i.e. the global scope), see https://grafana.com/docs/k6/latest/using-k6/test-lifecycle/ for more information`)))
}

// TestOpenReadsOnce shows the contents are read once per bundle: a file
// changed after the first open is seen unchanged by later VUs.
func TestOpenReadsOnce(t *testing.T) {
	g := gomega.NewWithT(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data.txt")
	g.Expect(os.WriteFile(data, []byte("first"), 0o600)).To(gomega.Succeed())
	b, err := Load(filepath.Join(dir, "main.js"), []byte(`export const got = open('./data.txt'); export default function () {}`), Options{})
	g.Expect(err).NotTo(gomega.HaveOccurred())
	first, err := newVU(t, b, nil).inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(os.WriteFile(data, []byte("second"), 0o600)).To(gomega.Succeed())
	second, err := newVU(t, b, nil).inst.Init()
	g.Expect(err).NotTo(gomega.HaveOccurred())
	g.Expect(first.Get("got").String()).To(gomega.Equal("first"))
	g.Expect(second.Get("got").String()).To(gomega.Equal("first"))
}
