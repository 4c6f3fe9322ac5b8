package bundle

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkInstantiate measures starting one VU on a shared bundle: a new
// runtime, Instantiate, and Init of a script that imports natives and two
// local modules (one of them TypeScript) and a CommonJS file.
func BenchmarkInstantiate(b *testing.B) {
	bundle := mustLoad(b, "testdata/esm/main.js", Options{})
	natives := testNatives()
	b.ReportAllocs()
	for b.Loop() {
		rt := goja.New()
		inst, err := bundle.Instantiate(rt, natives, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := inst.Init(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInstantiateK6Utils is BenchmarkInstantiate for a script that
// imports the embedded k6-utils.
func BenchmarkInstantiateK6Utils(b *testing.B) {
	bundle, err := Load("testdata/utils.js", []byte(`
import { randomString, uuidv4 } from 'https://jslib.k6.io/k6-utils/1.4.0/index.js';
export default function () { return randomString(8) + uuidv4(); }
`), Options{})
	if err != nil {
		b.Fatal(err)
	}
	natives := testNatives()
	b.ReportAllocs()
	for b.Loop() {
		rt := goja.New()
		inst, err := bundle.Instantiate(rt, natives, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := inst.Init(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures compiling a main script (esbuild and goja), which
// happens once per run.
func BenchmarkLoad(b *testing.B) {
	src := []byte(`
import { check } from 'k6';
import { WebSocket } from 'k6/websockets';
export const options = { vus: 10, iterations: 100 };
export default function () {
  const ws = new WebSocket('ws://127.0.0.1:1/echo');
  ws.onopen = () => ws.send('hello');
  ws.onmessage = (e) => { check(e, { echoed: (m) => m.data === 'hello' }); ws.close(); };
}
`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("testdata/bench.js", src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
