package main

import (
	"os"
	"testing"

	. "github.com/onsi/gomega"
)

func TestFileURLsNameLocalFramesAsK6Does(t *testing.T) {
	g := NewWithT(t)
	wd, err := os.Getwd()
	g.Expect(err).NotTo(HaveOccurred())
	stack := "Error: x\n\tat check (https://jslib.k6.io/k6chaijs/4.3.4.3/index.js:2:100(5))\n" +
		"\tat default (lib/util.js:3:9(12))\n\tat native\n\tat /abs/main.js:7:1(40)\n"
	g.Expect(fileURLs(stack)).To(Equal("Error: x\n\tat check (https://jslib.k6.io/k6chaijs/4.3.4.3/index.js:2:100(5))\n" +
		"\tat default (file://" + wd + "/lib/util.js:3:9(12))\n\tat native\n\tat file:///abs/main.js:7:1(40)\n"))
}
