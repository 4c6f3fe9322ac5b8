package data_test

import (
	"runtime"
	"strings"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/scripttest"
	"github.com/wsk6/wstest/wstest"
)

// bigShared builds a SharedArray of about 1 MB of JSON and reads from it in
// every iteration; the builder logs once each time it runs.
const bigShared = `
import { SharedArray } from "k6/data";
import { check } from "k6";
const users = new SharedArray("users", () => {
  console.log("building");
  const out = [];
  for (let i = 0; i < 5000; i++) out.push({ id: i, name: "user-" + i, pad: "x".repeat(160) });
  return out;
});
export default function () {
  const u = users[__VU * 7];
  check(u, { "read": (u) => u.id === __VU * 7 && users.length === 5000 });
}
`

// TestSharedArrayOncePerRun runs 50 VUs: the builder runs once in the whole
// run and every VU reads the same data.
func TestSharedArrayOncePerRun(t *testing.T) {
	g := NewWithT(t)
	res := scripttest.Run(t, bigShared, wstest.WithVUs(50), wstest.WithIterations(50))
	g.Expect(res.Errors).To(BeEmpty())
	built := 0
	for _, l := range res.Logs {
		if strings.Contains(l.Message, "building") {
			built++
		}
	}
	g.Expect(built).To(Equal(1))
	g.Expect(res.Checks).To(HaveLen(1))
	g.Expect(res.Checks[0].Passes).To(BeEquivalentTo(50))
}

// allocated returns the bytes allocated by a run of src with n VUs.
func allocated(t testing.TB, src string, n int64) uint64 {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := scripttest.Run(t, src, wstest.WithVUs(n), wstest.WithIterations(n))
	runtime.ReadMemStats(&after)
	if len(res.Errors) > 0 {
		t.Fatalf("run errors: %v", res.Errors)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestSharedArrayMemoryPerRun: going from 1 VU to 50 VUs costs the VUs'
// own runtimes, not 49 more copies of the data: the 49 extra VUs allocate
// less than the 1-VU run that built the data once. (BenchmarkSharedArrayVUs
// shows the contrast with a plain per-VU array.)
func TestSharedArrayMemoryPerRun(t *testing.T) {
	g := NewWithT(t)
	one, fifty := allocated(t, bigShared, 1), allocated(t, bigShared, 50)
	t.Logf("SharedArray of 5000 elements: 1 VU %d KB, 50 VUs %d KB", one>>10, fifty>>10)
	g.Expect(fifty - one).To(BeNumerically("<", one))
}
