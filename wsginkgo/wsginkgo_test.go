package wsginkgo_test

import (
	"path/filepath"
	"runtime"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gbytes"

	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wsginkgo"
	"github.com/wsk6/wstest/wstest"
)

var _ = Describe("Entries", func() {
	It("makes one entry per matching file", func() {
		Expect(wsginkgo.Entries("testdata", "*.js", "extra")).To(HaveLen(2))
	})

	It("panics on a folder without matching files", func() {
		Expect(func() { wsginkgo.Entries("testdata", "*.ts") }).To(PanicWith(`wsginkgo: no file in testdata matches "*.ts"`))
	})

	It("panics on a malformed pattern", func() {
		Expect(func() { wsginkgo.Entries("testdata", "[") }).To(PanicWith(ContainSubstring(`wsginkgo: bad pattern "["`)))
	})
})

var _ = DescribeTable("running every script of a folder",
	func(ctx SpecContext, path string, who string) {
		Expect(CurrentSpecReport().LeafNodeText).To(Equal(filepath.Base(path)), "the entry is named after its file")
		loc := CurrentSpecReport().LeafNodeLocation
		Expect(filepath.Base(loc.FileName)).To(Equal("wsginkgo_test.go"), "the entry points at the user's table, not at wsginkgo")
		Expect(loc.LineNumber).To(Equal(entriesLine))
		Expect(filepath.Dir(path)).To(Equal("testdata"))
		Expect(who).To(Equal("ginkgo"))

		res, err := wsginkgo.Run(ctx, path, wstest.WithEnv("WHO", who))
		Expect(err).NotTo(HaveOccurred())
		Expect(res).To(And(PassChecks(), HaveNoErrors()))

		entries := CurrentSpecReport().ReportEntries
		Expect(entries).To(HaveLen(1))
		Expect(entries[0].Name).To(Equal("wstest summary: " + filepath.Base(path)))
		Expect(entries[0].Visibility).To(Equal(ReportEntryVisibilityFailureOrVerbose))
		Expect(entries[0].StringRepresentation()).To(ContainSubstring("iterations"))
	},
	scriptEntries,
)

// scriptEntries are made on the line entriesLine names, which is where
// Ginkgo must place them.
var scriptEntries, entriesLine = wsginkgo.Entries("testdata", "*.js", "ginkgo"), callerLine()

// callerLine is the line its caller is on.
func callerLine() int {
	_, _, line, _ := runtime.Caller(1)
	return line
}

var _ = Describe("RunScript", func() {
	It("sends console output to the GinkgoWriter and attaches the report of failures", func(ctx SpecContext) {
		buf := gbytes.NewBuffer()
		GinkgoWriter.TeeTo(buf)
		DeferCleanup(GinkgoWriter.ClearTeeWriters)
		res, err := wsginkgo.RunScript(ctx, wstest.Script{Name: "inline.js", Source: `
			import { check } from "k6";
			export default function () { console.log("to the writer"); check(1, { "one is two": (x) => x === 2 }); }
		`})
		Expect(err).NotTo(HaveOccurred())
		Expect(res).NotTo(PassChecks())
		Expect(buf).To(gbytes.Say(`msg="to the writer"`))
		entry := CurrentSpecReport().ReportEntries[0]
		Expect(entry.Name).To(Equal("wstest summary: inline.js"))
		Expect(entry.StringRepresentation()).To(ContainSubstring("one is two"))
	})

	It("returns the error of a run that could not happen", func(ctx SpecContext) {
		_, err := wsginkgo.RunScript(ctx, wstest.Script{Name: "bad.js", Source: "export default function ( {"})
		Expect(err).To(MatchError(ContainSubstring("bad.js")))
	})
})
