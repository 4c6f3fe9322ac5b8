package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
)

// buildVersion is the module version and commit the binary was built from.
func buildVersion() (version, commit string) {
	version, commit = "v0.0.0", "devel"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version, commit
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		version = v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 7 {
			commit = s.Value[:7]
		}
	}
	return version, commit
}

// versionLine is `wstest version` in k6's shape:
// `wstest v1.2.3 (commit/abc1234, go1.26.8, linux/amd64)`.
func versionLine() string {
	v, commit := buildVersion()
	return fmt.Sprintf("wstest %s (commit/%s, %s, %s/%s)", v, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// versionCommand is `wstest version [--json]`.
func (c *cli) versionCommand(args []string) int {
	switch {
	case len(args) == 0:
		fmt.Fprintln(c.stdout, versionLine())
	case len(args) == 1 && args[0] == "--json":
		v, commit := buildVersion()
		b, _ := json.Marshal(map[string]string{"version": v, "commit": commit, "go_version": runtime.Version(),
			"go_os": runtime.GOOS, "go_arch": runtime.GOARCH}) // strings only: cannot fail
		fmt.Fprintln(c.stdout, string(b))
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
		fmt.Fprint(c.stdout, "Show the application version and exit.\n\nUsage:\n  wstest version [flags]\n\nFlags:\n      --json   print the version as JSON\n")
	default:
		(&logger{w: c.stderr, now: c.now}).errorf("unknown flag: %s", args[0])
		return exitUsage
	}
	return 0
}
