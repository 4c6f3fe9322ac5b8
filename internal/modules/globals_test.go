package modules_test

import (
	"context"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

// The web globals are made at first use; to a script they are plain
// globals that can be read, compared, listed and replaced.
func TestWebGlobalsBehaveAsPlainGlobals(t *testing.T) {
	g := NewWithT(t)
	v := modulestest.New(t)
	err := v.Run(context.Background(), `
console.log(typeof TextEncoder, typeof TextDecoder, typeof crypto);
console.log(crypto === globalThis.crypto, TextEncoder === TextEncoder);
console.log(Object.keys(globalThis).includes("TextDecoder"));
TextDecoder = 5;
console.log(TextDecoder);
globalThis.crypto = "replaced";
console.log(crypto);
export default function () {
  console.log(new TextEncoder().encode("hé").length);
}
`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{
		"info: function function object",
		"info: true true",
		"info: true",
		"info: 5",
		"info: replaced",
		"info: 3",
	}))
}
