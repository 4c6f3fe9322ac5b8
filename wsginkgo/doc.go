// Package wsginkgo runs wstest scripts from Ginkgo suites.
//
// Use Entries to turn a folder of scripts into the entries of a
// DescribeTable, one per file.
//
// Use Run and RunScript to run a script inside a spec: console output goes
// to the GinkgoWriter and the k6 end-of-test summary is attached to the
// spec's report, shown when the spec fails or with -v. Use AttachSummary
// for a result obtained another way, such as a wstest.LiveRun's Wait.
//
// Assert on the result with the matchers package. See the examples folder
// of the module for a whole suite.
package wsginkgo
