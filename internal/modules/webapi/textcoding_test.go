package webapi_test

import "testing"

func TestTextEncoder(t *testing.T) {
	runCases(t, []evalCase{
		{"encoding", `new TextEncoder().encoding`, `"utf-8"`},
		{"arguments ignored", `new TextEncoder("utf-16le").encoding`, `"utf-8"`},
		{"own keys", `Object.keys(new TextEncoder())`, `["encode","encoding"]`},
		{"no encodeInto", `typeof new TextEncoder().encodeInto`, `"undefined"`},
		{"without new", `TextEncoder().encode("hi")`, `Uint8Array[104,105]`},
		{"not instanceof", `new TextEncoder() instanceof TextEncoder`, `false`},
		{"read-only", `(() => { "use strict"; const e = new TextEncoder(); e.encoding = "x"; })()`,
			`throw TypeError: Cannot assign to read only property 'encoding'`},
		{"multibyte", `new TextEncoder().encode("hé€😀").length`, `10`},
		{"bytes", `new TextEncoder().encode("hé€😀")`, `Uint8Array[104,195,169,226,130,172,240,159,152,128]`},
		{"own buffer", `(() => { const a = new TextEncoder().encode("abc"); return [a.byteOffset, a.buffer.byteLength]; })()`, `[0,3]`},
		{"undefined", `new TextEncoder().encode(undefined)`, `Uint8Array[]`},
		{"null", `new TextEncoder().encode(null)`, `Uint8Array[]`},
		{"no argument", `new TextEncoder().encode()`, `Uint8Array[]`},
		{"number", `new TextEncoder().encode(12)`, `Uint8Array[49,50]`},
		{"lone surrogate", `new TextEncoder().encode("a\ud800")`, `Uint8Array[97,239,191,189]`},
	})
}

func TestTextDecoderConstruct(t *testing.T) {
	runCases(t, []evalCase{
		{"default", `new TextDecoder().encoding`, `"utf-8"`},
		{"own keys", `Object.keys(new TextDecoder())`, `["decode","encoding","fatal","ignoreBOM"]`},
		{"defaults", `[new TextDecoder().fatal, new TextDecoder().ignoreBOM]`, `[false,false]`},
		{"without new", `TextDecoder("utf-16be").encoding`, `"utf-16be"`},
		{"not instanceof", `new TextDecoder() instanceof TextDecoder`, `false`},
		{"read-only", `(() => { "use strict"; const d = new TextDecoder(); d.fatal = true; })()`,
			`throw TypeError: Cannot assign to read only property 'fatal'`},
		{"empty label", `new TextDecoder("").encoding`, `"utf-8"`},
		{"null label", `new TextDecoder(null).encoding`, `"utf-8"`},
		{"undefined label", `new TextDecoder(undefined).encoding`, `"utf-8"`},
		{"trim and case", `new TextDecoder(" \tUTF8\n").encoding`, `"utf-8"`},
		{"utf-8 labels", `["utf-8","utf8","unicode-1-1-utf-8","unicode11utf8","unicode20utf8","x-unicode20utf8"].map(l => new TextDecoder(l).encoding)`,
			`["utf-8","utf-8","utf-8","utf-8","utf-8","utf-8"]`},
		{"utf-16le labels", `["utf-16","utf-16le","ucs-2","unicode","csunicode","iso-10646-ucs-2","unicodefeff"].map(l => new TextDecoder(l).encoding)`,
			`["utf-16le","utf-16le","utf-16le","utf-16le","utf-16le","utf-16le","utf-16le"]`},
		{"utf-16be labels", `["utf-16be","unicodefffe"].map(l => new TextDecoder(l).encoding)`, `["utf-16be","utf-16be"]`},
		{"latin1", `new TextDecoder("latin1")`, `throw RangeError: unsupported encoding: latin1`},
		{"iso-8859-1", `new TextDecoder("iso-8859-1")`, `throw RangeError: unsupported encoding: iso-8859-1`},
		{"windows-1252", `new TextDecoder("windows-1252")`, `throw RangeError: unsupported encoding: windows-1252`},
		{"ascii", `new TextDecoder("ascii")`, `throw RangeError: unsupported encoding: ascii`},
		{"options", `(() => { const d = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}); return [d.fatal, d.ignoreBOM]; })()`, `[true,true]`},
		{"options not an object", `new TextDecoder("utf-8", 5)`, `throw GoError: could not convert 5 to encoding.TextDecoderOptions`},
	})
}

func TestTextDecoderDecode(t *testing.T) {
	runCases(t, []evalCase{
		{"no argument", `new TextDecoder().decode()`, `""`},
		{"Uint8Array", `new TextDecoder().decode(new Uint8Array([104,105]))`, `"hi"`},
		{"ArrayBuffer", `new TextDecoder().decode(new Uint8Array([104,105]).buffer)`, `"hi"`},
		{"Uint16Array", `new TextDecoder().decode(new Uint16Array([0x6968]))`, `"hi"`},
		{"view only", `new TextDecoder().decode(new Uint8Array([97,104,105,98]).subarray(1,3))`, `"hi"`},
		{"DataView", `new TextDecoder().decode(new DataView(new Uint8Array([97,104,105,98]).buffer, 1, 2))`, `"hi"`},
		{"string", `new TextDecoder().decode("abc")`, `"abc"`},
		{"number array", `new TextDecoder().decode([104,105])`, `"hi"`},
		{"number", `new TextDecoder().decode(5)`, `throw GoError: data is not an ArrayBuffer, typed array, or DataView`},
		{"round trip", `new TextDecoder().decode(new TextEncoder().encode("hé€😀"))`, `"hé€😀"`},
		{"invalid byte", `new TextDecoder().decode(new Uint8Array([104,0xff,105]))`, `"h\ufffdi"`},
		{"maximal subpart", `new TextDecoder().decode(new Uint8Array([0xe2,0x82,0x41]))`, `"\ufffdA"`},
		{"surrogate bytes", `new TextDecoder().decode(new Uint8Array([0xed,0xa0,0x80]))`, `"\ufffd\ufffd\ufffd"`},
		{"truncated at end", `new TextDecoder().decode(new Uint8Array([104,0xe2,0x82]))`, `"h\ufffd"`},
		{"fatal invalid", `new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xff]))`, `throw TypeError: decoding text: invalid byte sequence`},
		{"fatal truncated", `new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xe2,0x82]))`, `throw TypeError: decoding text: invalid byte sequence`},
		{"fatal valid", `new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0xe2,0x82,0xac]))`, `"€"`},
		{"BOM stripped", `new TextDecoder().decode(new Uint8Array([0xef,0xbb,0xbf,0x68])).length`, `1`},
		{"ignoreBOM", `new TextDecoder("utf-8", {ignoreBOM: true}).decode(new Uint8Array([0xef,0xbb,0xbf,0x68])).length`, `2`},
		{"BOM only first", `new TextDecoder().decode(new Uint8Array([0x68,0xef,0xbb,0xbf])).length`, `2`},
		{"stream", `(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xe2,0x82]), {stream: true}), d.decode(new Uint8Array([0xac]), {stream: true})]; })()`,
			`["","€"]`},
		{"flush resets", `(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xe2,0x82]), {stream: true}), d.decode(), d.decode(new Uint8Array([0xac]))]; })()`,
			`["","\ufffd","\ufffd"]`},
		{"stream keeps a copy", `(() => { const d = new TextDecoder(); const a = new Uint8Array([0xe2,0x82]); d.decode(a, {stream: true}); a[1] = 0; return d.decode(new Uint8Array([0xac])); })()`,
			`"€"`},
		{"stream BOM across calls", `(() => { const d = new TextDecoder(); return [d.decode(new Uint8Array([0xef,0xbb]), {stream: true}), d.decode(new Uint8Array([0xbf,0x68]))]; })()`,
			`["","h"]`},
		{"utf-16le", `new TextDecoder("utf-16le").decode(new Uint8Array([104,0,105,0]))`, `"hi"`},
		{"utf-16be", `new TextDecoder("utf-16be").decode(new Uint8Array([0,104,0,105]))`, `"hi"`},
		{"utf-16le pair", `new TextDecoder("utf-16le").decode(new Uint8Array([0x3d,0xd8,0x00,0xde]))`, `"😀"`},
		{"utf-16le BOM", `new TextDecoder("utf-16le").decode(new Uint8Array([0xff,0xfe,104,0]))`, `"h"`},
		{"utf-16be BOM", `new TextDecoder("utf-16be").decode(new Uint8Array([0xfe,0xff,0,104]))`, `"h"`},
		{"utf-16 lone trail", `new TextDecoder("utf-16le").decode(new Uint8Array([0x00,0xdc,104,0]))`, `"\ufffdh"`},
		{"utf-16 lone lead", `new TextDecoder("utf-16le").decode(new Uint8Array([0x3d,0xd8,104,0]))`, `"\ufffdh"`},
		{"utf-16 odd byte", `new TextDecoder("utf-16le").decode(new Uint8Array([104,0,105]))`, `"h\ufffd"`},
		{"utf-16 fatal", `new TextDecoder("utf-16le", {fatal: true}).decode(new Uint8Array([104]))`, `throw TypeError: decoding text: invalid byte sequence`},
		{"utf-16 stream", `(() => { const d = new TextDecoder("utf-16le"); return [d.decode(new Uint8Array([0x3d,0xd8,0x00]), {stream: true}), d.decode(new Uint8Array([0xde]))]; })()`,
			`["","😀"]`},
	})
}

func TestTextCodingInInit(t *testing.T) {
	got := runScript(t, `console.log(new TextDecoder().decode(new TextEncoder().encode("init")));`, "")
	if len(got) != 1 || got[0] != "init" {
		t.Fatalf("got %q", got)
	}
}
