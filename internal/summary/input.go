package summary

import (
	"crypto/md5"
	"encoding/hex"
	"time"

	"github.com/wsk6/wstest/internal/metrics"
	"github.com/wsk6/wstest/internal/thresholds"
)

// PathID returns k6's id of a group or check path: the hex MD5 of the path.
func PathID(path string) string {
	sum := md5.Sum([]byte(path))
	return hex.EncodeToString(sum[:])
}

// Check is one check's totals, for the summary.
type Check struct {
	// Name is the check's name; Path is "::group::name" ("::name" at the
	// root) and ID is PathID(Path).
	Name string
	Path string
	ID   string
	// Passes and Fails count the check's outcomes.
	Passes int
	Fails  int
}

// Group is one group with its checks and subgroups in first-seen order.
// The root group has an empty name and path.
type Group struct {
	// Name is the group's name; Path is "::outer::name" and ID is
	// PathID(Path).
	Name string
	Path string
	ID   string
	// Groups are the subgroups and Checks the group's own checks.
	Groups []Group
	Checks []Check
}

// Input is what the end-of-test outputs are built from.
type Input struct {
	// Registry holds the run's metrics.
	Registry *metrics.Registry
	// Duration is the test run duration; Counter rates are per second of it.
	Duration time.Duration
	// Thresholds are the end-of-test results (thresholds.Set.Evaluate).
	Thresholds []thresholds.Result
	// RootGroup holds the checks and groups of the run.
	RootGroup Group
	// TrendStats are the summaryTrendStats (nil for k6's default).
	TrendStats []string
	// TimeUnit is summaryTimeUnit: "", "s", "ms" or "us".
	TimeUnit string
	// NoColor goes to data.options (the text summary never uses colour).
	NoColor bool
	// IsStdOutTTY and IsStdErrTTY go to data.state.
	IsStdOutTTY bool
	IsStdErrTTY bool
	// SetupData is what setup() returned (omitted when nil).
	SetupData any
}

func (in *Input) trendStats() []string {
	if len(in.TrendStats) == 0 {
		return metrics.DefaultTrendStats()
	}
	return in.TrendStats
}
