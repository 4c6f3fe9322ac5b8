package jslib_test

import (
	"testing"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCheckRecordsIntoChecks runs k6-utils' check in a full run: loading
// the module re-declares the built-in checks Rate, each entry adds a
// sample tagged with its name and the extra tags, the outcomes appear in
// the check list and the summary like k6's own checks, and a check
// function that returns a Promise makes check return one.
func TestCheckRecordsIntoChecks(t *testing.T) {
	for _, version := range []string{"1.5.0", "1.6.0"} {
		t.Run(version, func(t *testing.T) {
			g := NewWithT(t)
			res := scripttest.Run(t, `
import { check } from "https://jslib.k6.io/k6-utils/`+version+`/index.js";
import { check as k6check } from "k6";
import { Rate } from "k6/metrics";
const again = new Rate("checks");
export default async function () {
  const sync = check(5, { "is 5": (v) => v === 5, "is 6": (v) => v === 6, "truthy": 1 }, { kind: "sync" });
  if (sync !== false) throw new Error("sync result " + sync);
  const p = check(5, { "async is 5": async (v) => v === 5 });
  if (!(p instanceof Promise)) throw new Error("not a promise");
  if ((await p) !== true) throw new Error("async result");
  k6check(1, { "k6 check": (v) => v === 1 });
}
`, wstest.WithVUs(2), wstest.WithIterations(4))
			g.Expect(res.Errors).To(BeEmpty())
			byName := map[string][2]int64{}
			for _, c := range res.Checks {
				byName[c.Name] = [2]int64{c.Passes, c.Fails}
			}
			g.Expect(byName).To(Equal(map[string][2]int64{
				"is 5": {4, 0}, "is 6": {0, 4}, "truthy": {4, 0}, "async is 5": {4, 0}, "k6 check": {4, 0},
			}))
			checks := res.Metrics["checks"]
			g.Expect(checks.Samples).To(ContainElement(HaveField("Tags", And(HaveKeyWithValue("check", "is 5"), HaveKeyWithValue("kind", "sync")))))
			g.Expect(res.Summary()).To(ContainSubstring("✓ is 5"))
			g.Expect(res.Summary()).To(ContainSubstring("✗ is 6"))
		})
	}
}

// TestCheckPromiseValue: 1.6.0 accepts a Promise as the value.
func TestCheckPromiseValue(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, `
import { check } from "https://jslib.k6.io/k6-utils/1.6.0/index.js";
export default async function () {
  const ok = await check(Promise.resolve(7), { "resolved 7": (v) => v === 7 });
  if (ok !== true) throw new Error("result " + ok);
}
`)
	g.Expect(res.Errors).To(BeEmpty())
	g.Expect(res.Checks).To(ConsistOf(HaveField("Name", "resolved 7")))
	g.Expect(res.Checks[0].Passes).To(BeEquivalentTo(1))
}

// TestSecureUUIDFromCrypto: uuidv4(true) draws from k6/crypto, so it does
// not repeat under a seed while uuidv4() does.
func TestSecureUUIDFromCrypto(t *testing.T) {
	g := NewWithT(t)
	src := `
import { uuidv4 } from "https://jslib.k6.io/k6-utils/1.5.0/index.js";
export default function () { console.log(uuidv4(true) + " " + uuidv4()); }
`
	line := func() string {
		res := scripttest.Run(t, src, wstest.WithSeed(42))
		g.Expect(res.Logs).To(HaveLen(1))
		return res.Logs[0].Message
	}
	a, b := line(), line()
	g.Expect(a).To(MatchRegexp(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} `))
	g.Expect(a[:36]).NotTo(Equal(b[:36]))
	g.Expect(a[37:]).To(Equal(b[37:]))
}
