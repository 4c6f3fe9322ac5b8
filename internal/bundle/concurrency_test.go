package bundle

import (
	"sync"
	"testing"

	"github.com/onsi/gomega"
)

// TestVUsShareABundle starts many VUs at once on one bundle: local modules
// are compiled and files read by whichever VU comes first, and every VU
// gets its own module instances (run with -race).
func TestVUsShareABundle(t *testing.T) {
	g := gomega.NewWithT(t)
	scripts := []*Bundle{
		mustLoad(t, "testdata/esm/main.js", Options{}),
		mustLoad(t, "testdata/open/main.js", Options{}),
		mustLoad(t, "testdata/cycle/a.js", Options{}),
	}
	want := []string{"hello vu, hello vu HI! test", "hello from data\n", "ba"}
	const vus = 8
	results := make([][]string, vus)
	errs := make([]error, vus)
	var wg sync.WaitGroup
	for n := range vus {
		wg.Go(func() {
			for _, b := range scripts {
				v := newVU(t, b, nil)
				exports, err := v.inst.Init()
				if err != nil {
					errs[n] = err
					return
				}
				got, err := v.call(t, exports, "default")
				if err != nil {
					errs[n] = err
					return
				}
				results[n] = append(results[n], got.String())
			}
		})
	}
	wg.Wait()
	for n := range vus {
		g.Expect(errs[n]).NotTo(gomega.HaveOccurred())
		g.Expect(results[n]).To(gomega.Equal(want))
	}
}
