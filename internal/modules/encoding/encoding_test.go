package encoding_test

import (
	"context"
	"testing"

	. "github.com/onsi/gomega"
	"go.uber.org/goleak"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// encodingImports imports k6/encoding as named and default imports.
const encodingImports = `import encoding, { b64encode, b64decode } from "k6/encoding";`

func TestEncoding(t *testing.T) {
	modulestest.EvalTable(t, encodingImports, []modulestest.EvalCase{
		{"exports", `Object.keys(encoding).sort()`, `["b64decode","b64encode"]`, ""},
		{"std default", `b64encode('hi')`, `"aGk="`, ""},
		{"std", `b64encode('hi', 'std')`, `"aGk="`, ""},
		{"rawstd", `b64encode('hi', 'rawstd')`, `"aGk"`, ""},
		{"url", `b64encode('hi', 'url')`, `"aGk="`, ""},
		{"rawurl", `b64encode('hi', 'rawurl')`, `"aGk"`, ""},
		{"std bytes", `b64encode(new Uint8Array([0xfb, 0xff]).buffer)`, `"+/8="`, ""},
		{"rawstd bytes", `b64encode(new Uint8Array([0xfb, 0xff]).buffer, 'rawstd')`, `"+/8"`, ""},
		{"url bytes", `b64encode(new Uint8Array([0xfb, 0xff]).buffer, 'url')`, `"-_8="`, ""},
		{"rawurl bytes", `b64encode(new Uint8Array([0xfb, 0xff]).buffer, 'rawurl')`, `"-_8"`, ""},
		{"unknown is std", `[b64encode(new Uint8Array([0xfb, 0xff]), 'STD'), b64encode('hi', ''), b64encode('hi', 'nope')]`, `["+/8=","aGk=","aGk="]`, ""},
		{"uint8array view", `b64encode(new Uint8Array([1, 104, 105]).subarray(1))`, `"aGk="`, ""},
		{"utf8 string", `b64encode('é')`, `"w6k="`, ""},
		{"reference user", `b64encode('user:passwd')`, `"dXNlcjpwYXNzd2Q="`, ""},
		{"reference url", `b64encode('hello world', 'url')`, `"aGVsbG8gd29ybGQ="`, ""},
		{"number", `b64encode(42)`, "", "GoError: invalid type int64, expected string, []byte or ArrayBuffer"},
		{"null", `b64encode(null)`, "", "GoError: invalid type <nil>, expected string, []byte or ArrayBuffer"},
		{"object", `b64encode({})`, "", "GoError: invalid type map[string]interface {}, expected string, []byte or ArrayBuffer"},
		{"dataview", `b64encode(new DataView(new ArrayBuffer(1)))`, "", "GoError: invalid type map[string]interface {}, expected string, []byte or ArrayBuffer"},
		{"array", `b64encode([1])`, "", "GoError: invalid type []interface {}, expected string, []byte or ArrayBuffer"},
		{"int16array", `b64encode(new Int16Array(1))`, "", "GoError: invalid type []int16, expected string, []byte or ArrayBuffer"},

		{"decode reference", `bytes(b64decode('AAECAwQF/w=='))`, `[0,1,2,3,4,5,255]`, ""},
		{"decode is ArrayBuffer", `b64decode('aGk=') instanceof ArrayBuffer`, `true`, ""},
		{"decode S is ArrayBuffer", `b64decode('aGk=', 'std', 'S') instanceof ArrayBuffer`, `true`, ""},
		{"decode s", `b64decode('aGk=', 'std', 's')`, `"hi"`, ""},
		{"decode rawstd", `b64decode('aGk', 'rawstd', 's')`, `"hi"`, ""},
		{"decode url", `bytes(b64decode('-_8=', 'url'))`, `[251,255]`, ""},
		{"decode rawurl", `bytes(b64decode('-_8', 'rawurl'))`, `[251,255]`, ""},
		{"decode unknown is std", `bytes(b64decode('+/8=', 'nope'))`, `[251,255]`, ""},
		{"decode CR LF ignored", `b64decode('aG\nk=\r\n', 'std', 's')`, `"hi"`, ""},
		{"decode invalid utf8", `b64decode('//8=', 'std', 's')`, "\"\uFFFD\uFFFD\"", ""},
		{"decode empty", `[b64decode('', 'std', 's'), b64decode('').byteLength]`, `["",0]`, ""},
		{"decode std without padding", `b64decode('aGk')`, "", "GoError: illegal base64 data at input byte 0"},
		{"decode rawstd with padding", `b64decode('aGk=', 'rawstd')`, "", "GoError: illegal base64 data at input byte 3"},
		{"decode garbage", `b64decode('!!!')`, "", "GoError: illegal base64 data at input byte 0"},
		{"decode mixed alphabets", `b64decode('-_8=')`, "", "GoError: illegal base64 data at input byte 0"},
		{"decode number", `b64decode(42)`, "", "GoError: illegal base64 data at input byte 0"},
		{"decode ArrayBuffer", `b64decode(new ArrayBuffer(1))`, "", "GoError: illegal base64 data at input byte 0"},
		{"catchable", `(() => { try { b64decode('!!!'); } catch (e) { return [e.name, e.message]; } })()`, `["GoError","illegal base64 data at input byte 0"]`, ""},
	})
}

// TestInitCode shows the module works in init code.
func TestInitCode(t *testing.T) {
	g := NewWithT(t)
	v := modulestest.New(t)
	err := v.Run(context.Background(), `
import { b64encode } from "k6/encoding";
globalThis.got = b64encode('hi');
export default function () {}
`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Runtime.Get("got").String()).To(Equal("aGk="))
}
