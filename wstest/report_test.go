package wstest_test

import (
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// expectLib throws from inside a library, as a jslib expect helper does.
const expectLib = `
function fail(msg) { throw new Error(msg); }
export function expect(v) {
  return { toBe(w) { if (v !== w) { fail("expected " + v + " to be " + w); } } };
}
`

func TestExceptionInALibraryNamesTheUsersLine(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `import { expect } from "https://example.com/expect.js";
function helper(x) {
  expect(x).toBe(2);
}
export default function () {
  helper(1);
}`, wstest.WithModule("https://example.com/expect.js", expectLib))
	g.Expect(res.Errors).To(HaveLen(1))
	e := res.Errors[0]
	g.Expect(e.ThrownInLibrary()).To(BeTrue())
	g.Expect(e.Error()).To(Equal("test.js:3:13: Error: expected 1 to be 2"))
	g.Expect(e.Frames()).To(HaveExactElements(
		MatchRegexp(`^at fail \(https://example.com/expect.js:2:28\(\d+\)\)$`),
		MatchRegexp(`^at toBe \(https://example.com/expect.js:4:37\(\d+\)\)$`),
		MatchRegexp(`^at helper \(test.js:3:13\(\d+\)\)$`),
		MatchRegexp(`^at default \(test.js:6:3\(\d+\)\)$`),
	))
	g.Expect(res.Report()).To(ContainSubstring("\tat helper (test.js:3:13"))
	g.Expect(res.Report()).To(ContainSubstring("\tAt: test.js:3:13\n"))
}

func TestExceptionInTheUsersCodeIsWhereItWasThrown(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `function inner() { throw new Error("mine"); }
export default function () { inner(); }`)
	g.Expect(res.Errors).To(HaveLen(1))
	e := res.Errors[0]
	g.Expect(e.ThrownInLibrary()).To(BeFalse())
	g.Expect(e.Error()).To(Equal("test.js:1:26: Error: mine"))
	g.Expect(e.Frames()).To(HaveLen(2))
	g.Expect(res.Report()).NotTo(ContainSubstring("At:"))
}

func TestRepeatedExceptionsShowTheStackOnce(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `export const options = { iterations: 3 };
export default function () { throw new Error("again"); }`)
	g.Expect(res.Errors).To(HaveLen(3))
	g.Expect(res.Report()).To(MatchRegexp(`(?s)^exception in vu 1 iteration \d: test.js:2:36: Error: again\n\tat \S+ \(test.js:2:36\(\d+\)\)\n` +
		`exception in vu 1 iteration \d: test.js:2:36: Error: again\nexception in vu 1 iteration \d: test.js:2:36: Error: again\n$`))
}

func TestThresholdsCarryTheirMeasuredValue(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `import { Trend, Rate } from "k6/metrics";
const lat = new Trend("lat", true);
const ok = new Rate("ok");
export const options = { thresholds: { lat: ["p(95)<0.001"], ok: ["rate>0.9"] } };
export default function () { lat.add(0.44112); ok.add(true); ok.add(false); }`)
	g.Expect(res.Thresholds).To(ConsistOf(
		wstest.Threshold{Metric: "lat", Expression: "p(95)<0.001", Value: 0.44112, HasValue: true, Measured: "p(95)=441.12µs"},
		wstest.Threshold{Metric: "ok", Expression: "rate>0.9", Value: 0.5, HasValue: true, Measured: "rate=50.00%"},
	))
	g.Expect(res.Thresholds[0].String()).To(Equal("✗ lat 'p(95)<0.001' p(95)=441.12µs"))
	g.Expect(res.Report()).To(Equal("threshold failed: lat 'p(95)<0.001' p(95)=441.12µs\nthreshold failed: ok 'rate>0.9' rate=50.00%\n"))
}
