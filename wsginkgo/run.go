package wsginkgo

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/onsi/ginkgo/v2"

	"github.com/wsk6/wstest/wstest"
)

// Run runs the script file at path, like wstest.RunFile, from inside a
// spec: console output is written to the GinkgoWriter as it happens and,
// when the run happened, its k6 summary is attached to the spec's report
// (see AttachSummary). A wstest.WithLogOutput among opts gets the console
// output too. Pass the spec's context so that
// a spec timeout stops the run.
func Run(ctx context.Context, path string, opts ...wstest.Option) (*wstest.Result, error) {
	ginkgo.GinkgoHelper()
	return RunScript(ctx, wstest.Script{Name: path}, opts...)
}

// RunScript is Run for a wstest.Script, such as one with inline source.
func RunScript(ctx context.Context, script wstest.Script, opts ...wstest.Option) (*wstest.Result, error) {
	ginkgo.GinkgoHelper()
	all := append([]wstest.Option{wstest.WithLogOutput(func(e wstest.LogEntry) {
		fmt.Fprintln(ginkgo.GinkgoWriter, e)
	})}, opts...)
	res, err := wstest.Run(ctx, script, all...)
	if res != nil {
		AttachSummary(filepath.Base(script.Name), res)
	}
	return res, err
}

// AttachSummary adds the run's k6 end-of-test summary, and its report of
// what went wrong if anything did, to the current spec's report under
// "wstest summary: NAME". Ginkgo shows it when the spec fails or runs
// verbose (-v), and always writes it to --json-report. Call it from inside
// a spec.
func AttachSummary(name string, res *wstest.Result) {
	ginkgo.GinkgoHelper()
	text := res.Summary()
	if report := res.Report(); report != "" {
		text += "\n" + report
	}
	ginkgo.AddReportEntry("wstest summary: "+name, text, ginkgo.ReportEntryVisibilityFailureOrVerbose)
}
