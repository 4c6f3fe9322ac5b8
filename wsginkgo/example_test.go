package wsginkgo_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/wsk6/wstest/fixtures"
	. "github.com/wsk6/wstest/matchers"
	"github.com/wsk6/wstest/wsginkgo"
	"github.com/wsk6/wstest/wstest"
)

// The examples of this package build Ginkgo specs, as a suite's file does
// with var _ = Describe(...); they have no output of their own, and this
// package's suite runs them (see "the package examples"). The examples
// folder of the module is a whole suite.

// Each example's specs are built when the suite's tree is.
var _ = Describe("the package examples", func() {
	ExampleEntries()
	ExampleRun()
	ExampleAttachSummary()
})

func ExampleEntries() {
	// One spec per script of testdata, each named after its file; a
	// failing entry points at this DescribeTable.
	DescribeTable("every script passes",
		func(ctx SpecContext, path string) {
			srv := fixtures.NewServer()
			DeferCleanup(srv.Close)

			res, err := wsginkgo.Run(ctx, path, wstest.WithEnv("URL", srv.URL))
			Expect(err).NotTo(HaveOccurred())
			Expect(res).To(And(PassChecks(), PassThresholds(), HaveNoErrors()))
		},
		wsginkgo.Entries("testdata", "*.js", Label("scripts")),
	)
}

func ExampleRun() {
	Describe("the echo route", func() {
		var srv *fixtures.Server
		BeforeEach(func() {
			srv = fixtures.NewServer()
			DeferCleanup(srv.Close)
		})

		It("echoes every message", func(ctx SpecContext) {
			// Console lines go to the GinkgoWriter; the k6 summary is
			// attached to the spec's report (shown on failure and with -v).
			res, err := wsginkgo.Run(ctx, "testdata/sockets/echo.js", wstest.WithEnv("URL", srv.URL))
			Expect(err).NotTo(HaveOccurred())
			Expect(res).To(HaveMetric("ws_sessions", Equal(2)))
			Expect(res).To(HaveEvent("message", "hello").Times(2))
		}, SpecTimeout(30*time.Second))
	})
}

func ExampleAttachSummary() {
	It("watches a live run", func(ctx SpecContext) {
		srv := fixtures.NewServer()
		DeferCleanup(srv.Close)

		run := wstest.Start(ctx, wstest.Script{Name: "live.js", Source: `
			import { WebSocket } from "k6/websockets";
			export const options = { iterations: 3 };
			export default function () {
				const ws = new WebSocket(__ENV.URL + "/echo");
				ws.onopen = () => ws.close();
			}`}, wstest.WithEnv("URL", srv.URL))
		Eventually(run).Should(HaveEvent("close").Times(3))

		// A result obtained another way gets its summary attached too.
		res, err := run.Wait()
		Expect(err).NotTo(HaveOccurred())
		wsginkgo.AttachSummary("live.js", res)
	})
}
