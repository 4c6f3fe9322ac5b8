package bundle

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/dop251/goja"
	"github.com/onsi/gomega"
)

var utilsVersions = []string{"1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0"}

func utilsURL(version string) string {
	return "https://jslib.k6.io/k6-utils/" + version + "/index.js"
}

// evalUtils imports k6-utils version as u into a script whose init code
// evaluates expr, in a fresh runtime using rand (when not nil) for
// Math.random, and returns the result.
func evalUtils(t testing.TB, version, expr string, rand goja.RandSource, natives map[string]NativeModule) (goja.Value, error) {
	t.Helper()
	src := fmt.Sprintf("import * as u from %q;\nexport const got = (() => %s)();\nexport default function () {}\n", utilsURL(version), expr)
	b, err := Load("testdata/utils.js", []byte(src), Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	v := newVU(t, b, natives)
	if rand != nil {
		v.rt.SetRandSource(rand)
	}
	exports, err := v.inst.Init()
	if err != nil {
		return nil, err
	}
	return exports.Get("got"), nil
}

func seeded(seed int64) goja.RandSource {
	return rand.New(rand.NewSource(seed)).Float64
}

func TestK6UtilsExports(t *testing.T) {
	v11 := []any{"findBetween", "randomIntBetween", "randomItem", "randomString", "uuidv4"}
	v12 := append([]any{"normalDistributionStages"}, v11...)
	v13 := append([]any{"getCurrentStageIndex", "parseDuration", "tagWithCurrentStageIndex", "tagWithCurrentStageProfile"}, v12...)
	v15 := append([]any{"check"}, v13...)
	want := map[string][]any{"1.0.0": v11, "1.1.0": v11, "1.2.0": v12, "1.3.0": v13, "1.4.0": v13, "1.5.0": v15, "1.6.0": v15}
	for _, version := range utilsVersions {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := evalUtils(t, version, fmt.Sprintf("Object.keys(require(%q)).sort()", utilsURL(version)), nil, nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.Export()).To(gomega.ConsistOf(want[version]...))
		})
	}
}

// TestK6UtilsFormulas pins each helper's use of Math.random with a source
// that always returns 0.5, so the outputs match the published library's.
func TestK6UtilsFormulas(t *testing.T) {
	half := func() float64 { return 0.5 }
	for _, version := range utilsVersions {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := evalUtils(t, version, "[u.uuidv4(), u.randomIntBetween(1, 10), u.randomItem(['a', 'b', 'c']), u.randomString(3)]", half, nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.Export()).To(gomega.Equal([]any{"88888888-8888-4888-8888-888888888888", int64(6), "b", "nnn"}))
		})
	}
}

func TestK6UtilsSeededRepeats(t *testing.T) {
	const expr = "[u.uuidv4(), u.uuidv4(), u.randomIntBetween(1, 1000), u.randomItem([1, 2, 3, 4, 5, 6, 7]), u.randomString(16)]"
	for _, version := range utilsVersions {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			first, err := evalUtils(t, version, expr, seeded(7), nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			again, err := evalUtils(t, version, expr, seeded(7), nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			other, err := evalUtils(t, version, expr, seeded(8), nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(again.Export()).To(gomega.Equal(first.Export()))
			g.Expect(other.Export()).NotTo(gomega.Equal(first.Export()))

			got := first.Export().([]any)
			uuid := gomega.MatchRegexp(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
			g.Expect(got[0]).To(uuid)
			g.Expect(got[1]).To(uuid)
			g.Expect(got[2]).To(gomega.And(gomega.BeNumerically(">=", 1), gomega.BeNumerically("<=", 1000)))
			g.Expect(got[3]).To(gomega.And(gomega.BeNumerically(">=", 1), gomega.BeNumerically("<=", 7)))
			g.Expect(got[4]).To(gomega.MatchRegexp(`^[a-z]{16}$`))
		})
	}
}

func TestK6UtilsRandomStringLengths(t *testing.T) {
	tests := []struct {
		name, length string
		want         string
		err          string
	}{
		{name: "zero", length: "0", want: ""},
		{name: "undefined", length: "undefined", want: ""},
		{name: "null", length: "null", want: ""},
		{name: "NaN", length: "NaN", want: ""},
		{name: "numeric string", length: "'3'", want: "nnn"},
		{name: "negative", length: "-1", err: "TypeError: randomString: length must be a non-negative integer, got -1"},
		{name: "fractional", length: "1.5", err: "TypeError: randomString: length must be a non-negative integer, got 1.5"},
		{name: "infinite", length: "Infinity", err: "TypeError: randomString: length must be a non-negative integer, got Infinity"},
	}
	half := func() float64 { return 0.5 }
	for _, version := range utilsVersions {
		for _, tt := range tests {
			t.Run(version+"/"+tt.name, func(t *testing.T) {
				g := gomega.NewWithT(t)
				got, err := evalUtils(t, version, "u.randomString("+tt.length+")", half, nil)
				if tt.err != "" {
					g.Expect(err).To(gomega.MatchError(gomega.HavePrefix(tt.err)))
					return
				}
				g.Expect(err).NotTo(gomega.HaveOccurred())
				g.Expect(got.Export()).To(gomega.Equal(tt.want))
			})
		}
	}
}

func TestK6UtilsRandomStringCharset(t *testing.T) {
	for _, version := range utilsVersions[2:] {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := evalUtils(t, version, "[u.randomString(4, 'xyz'), u.randomString(64, '01')]", seeded(3), nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			pair := got.Export().([]any)
			g.Expect(pair[0]).To(gomega.MatchRegexp(`^[xyz]{4}$`))
			g.Expect(pair[1]).To(gomega.MatchRegexp(`^[01]{64}$`))
		})
	}
}

func TestK6UtilsFindBetween(t *testing.T) {
	const page = `'<a>1</a> <a>2</a> <b>'`
	type findCase struct {
		name, args string
		json       string // JSON.stringify of the result
	}
	old := []findCase{
		{name: "first match", args: page + ", '<a>', '</a>'", json: `"1"`},
		{name: "no left", args: page + ", '<x>', '</a>'", json: `""`},
		{name: "no right after left", args: page + ", '<b>', '</b>'", json: `""`},
	}
	later := []findCase{
		{name: "first match", args: page + ", '<a>', '</a>'", json: `"1"`},
		{name: "no left gives null", args: page + ", '<x>', '</a>'", json: `null`},
		{name: "no right gives null", args: page + ", '<b>', '</b>'", json: `null`},
		{name: "repeat", args: page + ", '<a>', '</a>', true", json: `["1","2"]`},
		{name: "repeat without match", args: page + ", '<x>', '</x>', true", json: `null`},
		{name: "repeat with empty delimiters ends", args: "'abc', '', '', true", json: `[""]`},
	}
	for _, version := range utilsVersions {
		tests := later
		if version < "1.2.0" {
			tests = old
		}
		for _, tt := range tests {
			t.Run(version+"/"+tt.name, func(t *testing.T) {
				g := gomega.NewWithT(t)
				got, err := evalUtils(t, version, "JSON.stringify(u.findBetween("+tt.args+"))", nil, nil)
				g.Expect(err).NotTo(gomega.HaveOccurred())
				g.Expect(got.String()).To(gomega.Equal(tt.json))
			})
		}
	}
}

func TestK6UtilsNormalDistributionStages(t *testing.T) {
	for _, version := range utilsVersions[2:] {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			got, err := evalUtils(t, version, "u.normalDistributionStages(50, 120, 3)", nil, nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.Export()).To(gomega.Equal([]any{
				map[string]any{"duration": "20s", "target": int64(8)},
				map[string]any{"duration": "27s", "target": int64(50)},
				map[string]any{"duration": "27s", "target": int64(50)},
				map[string]any{"duration": "27s", "target": int64(8)},
				map[string]any{"duration": "20s", "target": int64(0)},
			}))
			n, err := evalUtils(t, version, "u.normalDistributionStages(10, 60).length", nil, nil)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(n.Export()).To(gomega.BeEquivalentTo(12))
		})
	}
}

func TestK6UtilsParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		err  string
	}{
		{in: "'1h30m'", want: 5400000},
		{in: "'1m30s'", want: 90000},
		{in: "'2d'", want: 172800000},
		{in: "'1.5s'", want: 1500},
		{in: "'300ms'", want: 300},
		{in: "'10.9ms'", want: 10},
		{in: "'1s250'", want: 1250},
		{in: "'42'", want: 42},
		{in: "''", err: "Error: str is empty"},
		{in: "null", err: "Error: str is empty"},
		{in: "'5x'", err: "Error: x is an unsupported time unit"},
		{in: "'1s2s'", err: "Error: s time unit is provided multiple times"},
	}
	for _, version := range utilsVersions[3:] {
		for _, tt := range tests {
			t.Run(version+"/"+tt.in, func(t *testing.T) {
				g := gomega.NewWithT(t)
				got, err := evalUtils(t, version, "u.parseDuration("+tt.in+")", nil, nil)
				if tt.err != "" {
					g.Expect(err).To(gomega.MatchError(gomega.HavePrefix(tt.err)))
					return
				}
				g.Expect(err).NotTo(gomega.HaveOccurred())
				g.Expect(got.ToFloat()).To(gomega.Equal(tt.want))
			})
		}
	}
}

// execNative is a k6/execution stand-in whose scenario started elapsedMs
// ago and ramps 0 -> 5 (10s), holds 5 (1m), then ramps down to 0 (10s).
func execNative(elapsedMs int) NativeModule {
	return func(rt *goja.Runtime) (goja.Value, error) {
		return rt.RunString(fmt.Sprintf(`({
  scenario: { name: 'default', startTime: Date.now() - %d },
  vu: { tags: {} },
  test: { options: { scenarios: { default: { executor: 'ramping-vus', stages: [
    { duration: '10s', target: 5 }, { duration: '1m', target: 5 }, { duration: '10s', target: 0 },
  ] } } } },
})`, elapsedMs))
	}
}

func TestK6UtilsStages(t *testing.T) {
	tests := []struct {
		name      string
		elapsedMs int
		index     int64
		profile   string
	}{
		{name: "first stage", elapsedMs: 5000, index: 0, profile: "ramp-up"},
		{name: "steady stage", elapsedMs: 15000, index: 1, profile: "steady"},
		{name: "ramp down", elapsedMs: 75000, index: 2, profile: "ramp-down"},
		{name: "past the end", elapsedMs: 500000, index: 2, profile: "ramp-down"},
	}
	const expr = `(() => {
  const exec = require('k6/execution');
  u.tagWithCurrentStageIndex();
  u.tagWithCurrentStageProfile();
  return [u.getCurrentStageIndex(), exec.vu.tags.stage, exec.vu.tags.stage_profile];
})()`
	for _, version := range utilsVersions[3:] {
		for _, tt := range tests {
			t.Run(version+"/"+tt.name, func(t *testing.T) {
				g := gomega.NewWithT(t)
				natives := map[string]NativeModule{"k6/execution": execNative(tt.elapsedMs)}
				got, err := evalUtils(t, version, expr, nil, natives)
				g.Expect(err).NotTo(gomega.HaveOccurred())
				g.Expect(got.Export()).To(gomega.Equal([]any{tt.index, tt.index, tt.profile}))
			})
		}
	}
}

func TestK6UtilsStagesWithoutExecution(t *testing.T) {
	for _, version := range utilsVersions[3:] {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			// The module loads without k6/execution; only the stage helpers fail.
			got, err := evalUtils(t, version, "u.parseDuration('1s')", nil, map[string]NativeModule{})
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(got.ToInteger()).To(gomega.BeEquivalentTo(1000))
			_, err = evalUtils(t, version, "u.getCurrentStageIndex()", nil, map[string]NativeModule{})
			g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring("k6/execution test.options is not available")))
		})
	}
}

// cryptoNative is a k6/crypto stand-in whose randomBytes gives n bytes of
// 0xff.
func cryptoNative() NativeModule {
	return func(rt *goja.Runtime) (goja.Value, error) {
		return rt.RunString(`({ randomBytes: (n) => new Uint8Array(n).fill(0xff).buffer })`)
	}
}

// TestK6UtilsSecureUUID: uuidv4(true) takes its bytes from k6/crypto (not
// the seeded Math.random) and sets the version and variant bits;
// uuidv4(false) still repeats with a seed.
func TestK6UtilsSecureUUID(t *testing.T) {
	for _, version := range utilsVersions[4:] {
		t.Run(version, func(t *testing.T) {
			g := gomega.NewWithT(t)
			natives := map[string]NativeModule{"k6/crypto": cryptoNative()}
			first, err := evalUtils(t, version, "[u.uuidv4(true), u.uuidv4(false)]", seeded(11), natives)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			again, err := evalUtils(t, version, "[u.uuidv4(true), u.uuidv4(false)]", seeded(11), natives)
			g.Expect(err).NotTo(gomega.HaveOccurred())
			g.Expect(again.Export()).To(gomega.Equal(first.Export()))
			got := first.Export().([]any)
			g.Expect(got[0]).To(gomega.Equal("ffffffff-ffff-4fff-bfff-ffffffffffff"))
			g.Expect(got[1]).To(gomega.MatchRegexp(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`))
			_, err = evalUtils(t, version, "u.uuidv4(true)", nil, map[string]NativeModule{})
			g.Expect(err).To(gomega.MatchError(gomega.ContainSubstring("k6/crypto is not available")))
		})
	}
}
