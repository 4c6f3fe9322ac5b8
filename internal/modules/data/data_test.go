package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"
	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// run runs init code, then expr in an iteration, and returns expr's JSON
// text or the exception.
func run(t *testing.T, init, expr string) (string, error) {
	t.Helper()
	v := modulestest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := v.Run(ctx, `
import data, * as ns from "k6/data";
import { SharedArray } from "k6/data";
`+init+`
export default function () { globalThis.got = JSON.stringify(`+expr+`); }
`)
	if err != nil {
		return "", err
	}
	got := v.Runtime.Get("got")
	if got == nil || goja.IsUndefined(got) {
		return "undefined", nil
	}
	return got.String(), nil
}

const users = `const a = new SharedArray('users', () => [{ name: 'ann', tags: ['x'] }, { name: 'bob', tags: [] }, 3, 'str', null]);`

func TestSharedArray(t *testing.T) {
	tests := []struct{ name, init, expr, want, err string }{
		{"exports", "", `Object.keys(data)`, `["SharedArray"]`, ""},
		{"named and default", "", `ns.SharedArray === SharedArray && data.SharedArray === SharedArray`, `true`, ""},
		{"is an array", users, `[Array.isArray(a), a instanceof Array, Object.prototype.toString.call(a), a instanceof SharedArray]`,
			`[true,true,"[object Array]",false]`, ""},
		{"length and reads", users, `[a.length, a[0].name, a[1].tags, a[2], a[3], a[4]]`, `[5,"ann",[],3,"str",null]`, ""},
		{"out of range", users, `[a[5], a[-1], a[1.5], a['x']]`, `[null,null,null,null]`, ""},
		{"out of range is undefined", users, `[a[5] === undefined, a[-1] === undefined]`, `[true,true]`, ""},
		{"iteration", users, `[[...a].length, Array.from(a).length, Object.keys(a), 0 in a, 9 in a]`, `[5,5,["0","1","2","3","4"],true,false]`, ""},
		{"for of", users, `(() => { const out = []; for (const x of a) out.push(typeof x); return out; })()`, `["object","object","number","string","object"]`, ""},
		{"array methods", users, `[a.indexOf(3), a.includes('str'), a.slice(2, 4), a.map((x) => typeof x).length, a.filter((x) => x === 3), Array.isArray(a.concat([1]))]`,
			`[2,true,[3,"str"],5,[3],true]`, ""},
		{"forEach", users, `(() => { let n = 0; a.forEach(() => n++); return n; })()`, `5`, ""},
		{"stringify", users, `a`, `[{"name":"ann","tags":["x"]},{"name":"bob","tags":[]},3,"str",null]`, ""},
		{"fresh parse each read", users, `a[0] === a[0]`, `false`, ""},
		{"deep frozen", users, `[Object.isFrozen(a[0]), Object.isFrozen(a[0].tags)]`, `[true,true]`, ""},
		{"without new", `const a = SharedArray('n', () => [1, 2]);`, `a.length`, `2`, ""},
		{"undefined name", `const a = new SharedArray(undefined, () => [1]);`, `a[0]`, `1`, ""},
		{"builder this and args", `let seen; const a = new SharedArray('t', function () { seen = [this === undefined, arguments.length]; return []; });`, `seen`, `[true,0]`, ""},
		{"same name keeps first data", `const a = new SharedArray('s', () => ['first']); const b = new SharedArray('s', () => ['other']);`, `b[0]`, `"first"`, ""},
		{"builder runs once", `let calls = 0; const a = new SharedArray('o', () => { calls++; return [1]; }); new SharedArray('o', () => { calls++; return [2]; });`, `calls`, `1`, ""},
		{"throwing builder stores nothing", `try { new SharedArray('r', () => { throw new Error('boom'); }); } catch (e) {} const a = new SharedArray('r', () => ['second']);`, `a[0]`, `"second"`, ""},
		{"unrepresentable elements count", `const a = new SharedArray('u', () => [undefined, () => 1, 2]);`, `[a.length, a[2]]`, `[3,2]`, ""},
		{"unrepresentable element read", `const a = new SharedArray('u', () => [undefined]);`, `a[0]`, "", "SyntaxError: invalid character 'u' looking for beginning of value"},

		{"write index", users, `(() => { a[0] = 1; })()`, "", "TypeError: SharedArray is immutable"},
		{"write past end", users, `(() => { a[10] = 1; })()`, "", "TypeError: SharedArray is immutable"},
		{"write length", users, `(() => { a.length = 0; })()`, "", "TypeError: SharedArray is immutable"},
		{"push", users, `a.push(1)`, "", "TypeError: SharedArray is immutable"},
		{"pop", users, `a.pop()`, "", "TypeError: SharedArray is immutable"},
		{"sort", users, `a.sort()`, "", "TypeError: SharedArray is immutable"},
		{"delete", users, `delete a[0]`, "", "TypeError: SharedArray is immutable"},
		{"named property", users, `(() => { a.foo = 1; })()`, "", `TypeError: Cannot set property "foo" on a dynamic array`},
		{"element property strict", users, `(() => { a[0].name = 'x'; })()`, "", "TypeError: Cannot assign to read only property 'name'"},
		{"element push", users, `a[0].tags.push('y')`, "", "TypeError: Cannot add property 1, object is not extensible"},
		{"catchable write", users, `(() => { try { a[0] = 1; } catch (e) { return [e instanceof TypeError, e.message]; } })()`, `[true,"SharedArray is immutable"]`, ""},

		{"outside init", "", `new SharedArray('late', () => [])`, "", "GoError: new SharedArray must be called in the init context"},
		{"empty name", `new SharedArray('', () => []);`, `0`, "", "GoError: empty name provided to SharedArray's constructor"},
		{"no function", `new SharedArray('f');`, `0`, "", "GoError: a function is expected as the second argument of SharedArray's constructor"},
		{"not callable", `new SharedArray('f', 3);`, `0`, "", "GoError: a function is expected as the second argument of SharedArray's constructor"},
		{"async function", `new SharedArray('f', async () => []);`, `0`, "", "GoError: SharedArray constructor does not support async functions as second argument"},
		{"builder throws", `new SharedArray('f', () => { throw new Error('boom'); });`, `0`, "", "Error: boom"},
		{"typed array", `new SharedArray('f', () => new Uint8Array(2));`, `0`, "", "GoError: only arrays can be made into SharedArray"},
		{"string", `new SharedArray('f', () => 'abc');`, `0`, "", "GoError: only arrays can be made into SharedArray"},
		{"object", `new SharedArray('f', () => ({ length: 1 }));`, `0`, "", "GoError: only arrays can be made into SharedArray"},
		{"undefined", `new SharedArray('f', () => {});`, `0`, "", "GoError: only arrays can be made into SharedArray"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := NewWithT(t)
			got, err := run(t, tt.init, tt.expr)
			if tt.err != "" {
				g.Expect(err).To(MatchError(HavePrefix(tt.err)))
				return
			}
			g.Expect(err).NotTo(HaveOccurred())
			g.Expect(got).To(Equal(tt.want))
		})
	}
}

// TestSharedArrayFromOpen is the common pattern: the builder parses a JSON
// file read with open() in init code.
func TestSharedArrayFromOpen(t *testing.T) {
	g := NewWithT(t)
	got, err := run(t, `const a = new SharedArray('file', () => JSON.parse(open('./testdata/users.json')).users);`,
		`[a.length, a[1].name]`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(got).To(Equal(`[2,"bob"]`))
}
