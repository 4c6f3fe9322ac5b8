package main

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/wsk6/wstest/wstest"
)

// checkK6Runtime answers the k6 run flags that reach what wstest does not
// have (a REST API, archives, tracing, secret sources, feature flags, the
// web dashboard):
// each is refused with why and what to do when it would change what the
// run measures or writes, otherwise accepted with a warning that it has
// no effect. Refusals are command-line errors (255), as k6's own are.
func (f *runFlags) checkK6Runtime(script wstest.Script, log *logger) error {
	if err := f.checkTestType(script); err != nil {
		return err
	}
	switch f.compatibilityMode {
	case "extended", "base":
	case "experimental_enhanced":
		log.warnf(`CompatibilityMode "experimental_enhanced" is deprecated. Types are stripped by default for .ts files. ` +
			`Please move to using "base" instead as "experimental_enhanced" will be removed in the future`)
	default:
		return usageError{fmt.Errorf(`invalid compatibility mode "%s". Use: "extended", "base", "experimental_enhanced"`, f.compatibilityMode)}
	}
	if out := f.tracesOutput; out != "none" {
		if kind, _, _ := strings.Cut(out, "="); kind != "otel" {
			return usageError{fmt.Errorf("invalid traces output %q", kind)}
		}
		return usageError{fmt.Errorf("wstest cannot send traces: --traces-output %s needs k6's OpenTelemetry exporter, which wstest does not have; "+
			"drop the flag (or K6_TRACES_OUTPUT), or run the script with k6 to trace it", out)}
	}
	if len(f.secretSources) > 0 {
		return usageError{fmt.Errorf("wstest has no secret sources and no k6/secrets module: --secret-source %s cannot be used; "+
			"give the script its secrets with -e NAME=value (or the environment) and read them from __ENV, or run it with k6",
			strings.Join(f.secretSources, " --secret-source "))}
	}
	if f.newSummary {
		return usageError{fmt.Errorf("wstest does not have k6's new machine-readable summary: --new-machine-readable-summary would change " +
			"what --summary-export and handleSummary() receive; drop the flag (or K6_NEW_MACHINE_READABLE_SUMMARY) to get the current shape")}
	}
	if len(f.features) > 0 {
		log.warnf("wstest has no k6 feature flags: --features %s has no effect", strings.Join(f.features, ","))
	}
	if f.address != "" {
		log.warnf("wstest has no REST API: --address %s has no effect (the run measures the same; "+
			"k6 status, pause, resume and scale cannot reach it, and Ctrl+C is what ends a --paused run)", f.address)
	}
	if f.webDashboard {
		log.warnf("wstest has no web dashboard: K6_WEB_DASHBOARD has no effect " +
			"(the run measures the same; the summary, --summary-export and --out json or csv hold its results)")
	}
	if f.profilingEnabled {
		log.warnf("wstest has no REST API to serve pprof: --profiling-enabled has no effect " +
			"(profile wstest's Go tests with go test -cpuprofile instead)")
	}
	return nil
}

// checkTestType answers -t/--type: js runs; archive, or a tar archive as
// the script without -t, cannot run here; other types are k6's error.
func (f *runFlags) checkTestType(script wstest.Script) error {
	const noArchives = "could not initialize '%s': wstest cannot run k6 archives (%s); " +
		"pass the script itself: the .js or .ts file the archive was made from"
	switch f.testType {
	case "js":
		return nil
	case "archive":
		return usageError{fmt.Errorf(noArchives, script.Name, "--type archive")}
	case "":
		if isTar(script) {
			return usageError{fmt.Errorf(noArchives, script.Name, "this one is a tar archive")}
		}
		return nil
	}
	where := "file:///-"
	if script.Name != "-" {
		abs, _ := filepath.Abs(script.Name)
		where = "file://" + filepath.ToSlash(abs)
	}
	return usageError{fmt.Errorf("could not initialize '%s': unknown or unspecified test type '%s' for '%s'", script.Name, f.testType, where)}
}

// isTar reports whether the script's content is a tar archive, as k6
// tells an archive from a script.
func isTar(script wstest.Script) bool {
	var r io.Reader = strings.NewReader(script.Source)
	if script.Source == "" {
		fh, err := os.Open(script.Name)
		if err != nil {
			return false // the run reports an unreadable script
		}
		defer fh.Close()
		head := make([]byte, 1024) // a tar header is 512 bytes
		n, _ := io.ReadFull(fh, head)
		r = bytes.NewReader(head[:n])
	}
	_, err := tar.NewReader(r).Next()
	return err == nil
}
