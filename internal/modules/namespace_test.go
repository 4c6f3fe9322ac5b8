package modules_test

import (
	"context"
	"testing"

	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/internal/modules/modulestest"
)

func TestNamespaceKeys(t *testing.T) {
	g := NewWithT(t)
	v := modulestest.New(t)
	err := v.Run(context.Background(), `
import * as ns from "k6/data";
import data, { SharedArray } from "k6/data";
import k6 from "k6";
console.log(JSON.stringify(Object.keys(ns)), data === require("k6/data"), typeof data.SharedArray, SharedArray === ns.SharedArray, typeof k6.check);
export default function () {}
`)
	g.Expect(err).NotTo(HaveOccurred())
	g.Expect(v.Logs()).To(Equal([]string{`info: ["SharedArray"] true function true function`}))
}
