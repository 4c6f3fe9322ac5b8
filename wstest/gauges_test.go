package wstest_test

import (
	"context"
	"testing"

	"github.com/wsk6/wstest/wstest"
)

// vus and vus_max are sampled once a second, as k6's scheduler does: a run
// under a second has neither, a longer one has both with the VUs it ran.
func TestVUGaugesAreSampledOnceASecond(t *testing.T) {
	for _, tt := range []struct {
		duration string
		sampled  bool
	}{{"300ms", false}, {"1300ms", true}} {
		t.Run(tt.duration, func(t *testing.T) {
			res, err := wstest.Run(context.Background(), wstest.Script{Name: "gauges.js", Source: `
import { sleep } from "k6";
export const options = { vus: 2, duration: "` + tt.duration + `" };
export default function () { sleep(0.05); }
`})
			if err != nil {
				t.Fatal(err)
			}
			vus, vusMax := res.Metric("vus"), res.Metric("vus_max")
			if !tt.sampled {
				if vus.Count() != 0 || vusMax.Count() != 0 {
					t.Fatalf("a %s run has vus %+v and vus_max %+v; k6 samples them only after a second", tt.duration, vus, vusMax)
				}
				return
			}
			v, _ := vus.Stat("max")
			m, _ := vusMax.Stat("max")
			if v != 2 || m != 2 {
				t.Errorf("vus max %v, vus_max max %v; want the 2 VUs running", v, m)
			}
		})
	}
}
