package data_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// BenchmarkSharedArrayVUs reports the bytes a whole run allocates with 1
// and 50 VUs, for the same data in a SharedArray and in a plain array that
// every VU builds: the SharedArray's cost stays flat as VUs are added.
func BenchmarkSharedArrayVUs(b *testing.B) {
	perVU := strings.Replace(strings.Replace(bigShared, `new SharedArray("users", () => {`, `(() => {`, 1), "});\nexport", "})();\nexport", 1)
	for _, c := range []struct {
		name string
		src  string
		vus  int64
	}{{"shared/1", bigShared, 1}, {"shared/50", bigShared, 50}, {"plain/1", perVU, 1}, {"plain/50", perVU, 50}} {
		b.Run(c.name, func(b *testing.B) {
			var total uint64
			for b.Loop() {
				total += allocated(b, c.src, c.vus)
			}
			b.ReportMetric(float64(total)/float64(b.N)/(1<<20), "MB/run")
		})
	}
}

// BenchmarkElementRead compares reading one element of a SharedArray from
// a script (a JSON parse and a deep freeze per read) with decoding the
// same JSON in plain Go.
func BenchmarkElementRead(b *testing.B) {
	elem := `{"id":7,"name":"user-7","tags":["a","b"]}`
	b.Run("js", func(b *testing.B) {
		v := modulestest.New(b)
		if err := v.Run(context.Background(), `
import { SharedArray } from "k6/data";
const a = new SharedArray("e", () => [`+elem+`]);
globalThis.read = () => a[0].id;
export default function () {}
`); err != nil {
			b.Fatal(err)
		}
		read, _ := goja.AssertFunction(v.Runtime.Get("read"))
		for b.Loop() {
			if _, err := read(goja.Undefined()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go", func(b *testing.B) {
		for b.Loop() {
			var v map[string]any
			if err := json.Unmarshal([]byte(elem), &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
